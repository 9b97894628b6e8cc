using System.CommandLine;
using Customer360.Domain.Hosting;

namespace Customer360.Cli.Commands;

/// <summary>
/// CLI flags that stand for app settings (<see cref="AppSettingNames"/>): a flag wins over the environment
/// variable of the setting's name, and either is named as the user wrote it, so
/// <see cref="PipelineSettings.Bind"/> reports problems in the user's terms.
/// </summary>
public static class SettingFlags
{
    public static Option<string?> Create(string flag, string setting, string description) =>
        new(flag) { Description = $"{description} Env: {setting}." };

    /// <param name="switches">Settings given by a boolean switch rather than a value (present = <c>true</c>).</param>
    public static SettingSource Source(
        ParseResult parse,
        IReadOnlyList<(Option<string?> Option, string Setting)> flags,
        Func<string, string?> environment,
        IReadOnlyList<(Option<bool> Option, string Setting)>? switches = null)
    {
        var bySetting = flags.ToDictionary(s => s.Setting, s => s.Option, StringComparer.Ordinal);
        var bySwitch = (switches ?? []).ToDictionary(s => s.Setting, s => s.Option, StringComparer.Ordinal);
        return new SettingSource(
            name => bySwitch.TryGetValue(name, out var on) && parse.GetValue(on) ? new SettingValue("true", on.Name)
                : bySetting.TryGetValue(name, out var option) && parse.GetValue(option) is { } flag ? new SettingValue(flag, option.Name)
                : environment(name) is { Length: > 0 } value ? new SettingValue(value, name)
                : null,
            name => bySetting.TryGetValue(name, out var option) ? $"{option.Name} ({name})"
                : bySwitch.TryGetValue(name, out var on) ? $"{on.Name} ({name})"
                : name);
    }
}
