using System.Text;
using Customer360.Domain.Content;
using Customer360.Domain.Sharding;

namespace Customer360.Domain.Search;

/// <summary>
/// <see cref="KeywordNormalizer.Normalize(string)"/> once per distinct raw keyword, found by its UTF-8 bytes as the
/// file stores them (no string per row): a file repeats a few thousand keywords over its rows. Bounded: past
/// <paramref name="capacity"/> distinct keywords the rest are normalised each time, so memory stays flat on a file
/// of all-distinct keywords. Equal normalised keywords also share one string.
/// </summary>
/// <param name="expectedKeywords">Raw keywords to size the table for at the start (a file's row count bounds them).</param>
public sealed class KeywordNormalizerCache(int capacity = KeywordNormalizerCache.DefaultCapacity, long expectedKeywords = 1024) : IDisposable
{
    public const int DefaultCapacity = 100_000;

    private readonly Utf8KeyTable _raw = new((int)Math.Clamp(expectedKeywords, 0, capacity));
    private readonly List<string> _normalized = [];
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    /// <summary>The normalised keyword of <paramref name="rawUtf8"/>, decoded as Parquet readers decode text (invalid UTF-8 becomes U+FFFD).</summary>
    public string Normalize(ReadOnlySpan<byte> rawUtf8)
    {
        ulong hash = ShardHash.Hash(rawUtf8);
        int id = _raw.Find(rawUtf8, hash);
        if (id >= 0)
        {
            return _normalized[id];
        }
        var normalized = Shared(KeywordNormalizer.Normalize(Encoding.UTF8.GetString(rawUtf8)));
        if (_raw.Count < capacity)
        {
            _raw.GetOrAdd(rawUtf8, hash);
            _normalized.Add(normalized);
        }
        return normalized;
    }

    public void Dispose() => _raw.Dispose();

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
