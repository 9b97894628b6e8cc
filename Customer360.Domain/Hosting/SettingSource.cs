namespace Customer360.Domain.Hosting;

/// <summary>
/// Where a host's raw settings come from, by <see cref="AppSettingNames"/> name: app settings (Azure), or
/// CLI flags falling back to the environment. <see cref="NameOf"/> says how the user names a setting (the
/// CLI: its flag), so an error about a setting that was not given still names what to set.
/// </summary>
public sealed class SettingSource(Func<string, SettingValue?> get, Func<string, string>? nameOf = null)
{
    public SettingValue? Get(string name) => get(name);

    public string NameOf(string name) => nameOf?.Invoke(name) ?? name;

    /// <summary>App settings / environment variables, named as they are.</summary>
    public static SettingSource FromAppSettings(Func<string, string?> setting) =>
        new(name => setting(name) is { } value ? new SettingValue(value, name) : null);
}
