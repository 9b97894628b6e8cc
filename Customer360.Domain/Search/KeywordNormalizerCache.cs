namespace Customer360.Domain.Search;

/// <summary>
/// <see cref="KeywordNormalizer.Normalize"/> once per distinct raw keyword: a file repeats a few thousand
/// keywords over its rows, and NFC checks through ICU are the costly part of a row. Bounded: past
/// <paramref name="capacity"/> distinct keywords the rest are normalised each time, so memory stays flat
/// on a file of all-distinct keywords. Equal normalised keywords also share one string.
/// </summary>
public sealed class KeywordNormalizerCache(int capacity = KeywordNormalizerCache.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly Dictionary<string, string> _normalized = new(StringComparer.Ordinal);

    public string Normalize(string raw)
    {
        if (_normalized.TryGetValue(raw, out var known))
        {
            return known;
        }
        var normalized = KeywordNormalizer.Normalize(raw);
        if (_normalized.Count < capacity)
        {
            _normalized.Add(raw, normalized);
        }
        return normalized;
    }
}
