using System.Globalization;
using Customer360.Domain.Classification;
using Customer360.Domain.Content;

namespace Customer360.Domain.Hosting;

/// <summary>
/// The Functions app's settings for the category map, the classifier instructions, the rate-limit budget and
/// re-classification. Empty means the built-in default; anything set but unusable is refused with an error
/// naming the setting (the host does not start a run on a half-understood configuration).
/// </summary>
public static class ClassificationSettings
{
    public static CategoryMap CategoryMap(Func<string, string?> setting) =>
        NonEmpty(setting(AppSettingNames.CategoryMap)) is { } value ? CategoryMapJson.FromSetting(AppSettingNames.CategoryMap, value) : Content.CategoryMap.Default;

    public static OpenAiClassifierSettings Apply(Func<string, string?> setting, OpenAiClassifierSettings settings) => settings with
    {
        Instructions = NonEmpty(setting(AppSettingNames.ClassifierInstructions)) is { } path ? ClassifierInstructions.FromSetting(path) : ClassifierInstructions.Default,
        RequestsPerMinute = Positive(setting, AppSettingNames.OpenAiRequestsPerMinute),
        TokensPerMinute = Positive(setting, AppSettingNames.OpenAiTokensPerMinute),
    };

    public static bool ReclassifyStale(Func<string, string?> setting) => NonEmpty(setting(AppSettingNames.ReclassifyStale))?.Trim().ToLowerInvariant() switch
    {
        null or "false" => false,
        "true" => true,
        var other => throw new InvalidDataException($"{AppSettingNames.ReclassifyStale} must be true or false, not \"{other}\"."),
    };

    private static int? Positive(Func<string, string?> setting, string name) => NonEmpty(setting(name)) is not { } text ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new InvalidDataException($"{name} must be a positive whole number, not \"{text}\".");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
