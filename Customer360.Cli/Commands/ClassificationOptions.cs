using Customer360.Domain.Classification;
using Customer360.Domain.Content;
using Customer360.Domain.Hosting;

namespace Customer360.Cli.Commands;

/// <summary>
/// Binds the category map, classifier instructions and rate-limit budget from options, falling back to the
/// environment (the same names as the Functions app settings). Files are read and checked here, so a bad
/// file is refused before any work starts.
/// </summary>
public static class ClassificationOptions
{
    public sealed record Bound(CategoryMap CategoryMap, ClassifierInstructions Instructions, int? RequestsPerMinute, int? TokensPerMinute, bool ReclassifyStale, string? Error);

    public static Bound Bind(string? categoryMapPath, string? instructionsPath, int? requestsPerMinute, int? tokensPerMinute, bool reclassifyStale)
    {
        try
        {
            var map = categoryMapPath is not null ? CategoryMapJson.ReadFile(categoryMapPath)
                : Env(AppSettingNames.CategoryMap) is { } mapSetting ? CategoryMapJson.FromSetting(AppSettingNames.CategoryMap, mapSetting)
                : CategoryMap.Default;
            var instructions = instructionsPath is not null ? ClassifierInstructions.ReadFile(instructionsPath)
                : Env(AppSettingNames.ClassifierInstructions) is { } instructionsSetting ? ClassifierInstructions.FromSetting(instructionsSetting)
                : ClassifierInstructions.Default;
            var rpm = requestsPerMinute ?? PositiveSetting(AppSettingNames.OpenAiRequestsPerMinute);
            var tpm = tokensPerMinute ?? PositiveSetting(AppSettingNames.OpenAiTokensPerMinute);
            if (rpm is < 1 || tpm is < 1)
            {
                throw new InvalidDataException("--requests-per-minute and --tokens-per-minute must be at least 1.");
            }
            var stale = reclassifyStale || Env(AppSettingNames.ReclassifyStale) switch
            {
                null => false,
                var v when v.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) => true,
                var v when v.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) => false,
                var v => throw new InvalidDataException($"{AppSettingNames.ReclassifyStale} must be true or false, not \"{v}\"."),
            };
            return new Bound(map, instructions, rpm, tpm, stale, null);
        }
        catch (InvalidDataException ex)
        {
            return new Bound(CategoryMap.Default, ClassifierInstructions.Default, null, null, false, ex.Message);
        }
    }

    private static int? PositiveSetting(string name) => Env(name) is not { } text ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new InvalidDataException($"{name} must be a positive whole number, not \"{text}\".");

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value && value.Trim().Length > 0 ? value : null;
}
