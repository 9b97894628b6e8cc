namespace Customer360.Domain.Search;

/// <summary>
/// <see cref="KeywordNormalizer.Normalize(string)"/> once per distinct raw keyword: a file repeats a few thousand
/// keywords over its rows, and NFC checks through ICU are the costly part of a row. Bounded: past
/// <paramref name="capacity"/> distinct keywords the rest are normalised each time, so memory stays flat
/// on a file of all-distinct keywords. Equal normalised keywords also share one string.
/// </summary>
public sealed class KeywordNormalizerCache(int capacity = KeywordNormalizerCache.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly Dictionary<string, string> _normalized = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    public string Normalize(string raw)
    {
        if (_normalized.TryGetValue(raw, out var known))
        {
            return known;
        }
        var normalized = Shared(KeywordNormalizer.Normalize(raw));
        if (_normalized.Count < capacity)
        {
            _normalized.Add(raw, normalized);
        }
        return normalized;
    }

    /// <summary>The same, for a raw keyword that is not a string yet (looked up without making one).</summary>
    public string Normalize(ReadOnlySpan<char> raw)
    {
        var lookup = _normalized.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(raw, out var known))
        {
            return known;
        }
        var normalized = Shared(KeywordNormalizer.Normalize(raw));
        if (_normalized.Count < capacity)
        {
            _normalized.Add(new string(raw), normalized);
        }
        return normalized;
    }

    /// <summary>One string per distinct normalised keyword ("VTV3" and " vtv3" give the same instance), while within capacity.</summary>
    private string Shared(string normalized)
    {
        if (_shared.TryGetValue(normalized, out var shared))
        {
            return shared;
        }
        if (_shared.Count < capacity)
        {
            _shared.Add(normalized, normalized);
        }
        return normalized;
    }
}
