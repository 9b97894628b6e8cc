using Customer360.Domain.Content;

namespace Customer360.Domain.Activities;

/// <summary>Semantics that are configuration, not code (DESIGN §4).</summary>
public sealed record PipelineOptions
{
    public CategoryMap Categories { get; init; } = CategoryMap.Default;

    /// <summary>ActiveDays at or above this is <c>High</c>.</summary>
    public int HighActivityDays { get; init; } = ContentProfileCalculator.DefaultHighActivityDays;

    /// <summary>A fingerprint of everything above: partials made under other settings are not reused.</summary>
    public string Fingerprint()
    {
        var text = string.Join(';', Categories.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={(int)e.Value}"));
        return Hashing.ShortHex(text);
    }
}
