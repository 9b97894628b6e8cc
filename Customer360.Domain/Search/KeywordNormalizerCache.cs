using System.Text;
using Customer360.Domain.Content;
using Customer360.Domain.Sharding;

namespace Customer360.Domain.Search;

/// <summary>
/// A raw keyword's normalised UTF-8 (<see cref="KeywordNormalizer"/>), straight from the bytes the file stores, with
/// no string per row: ASCII text (most keywords) is normalised in place by <see cref="KeywordNormalizer.TryNormalizeAscii"/>;
/// other text once per distinct raw keyword through the string rule, then found by its raw bytes. Bounded: past
/// <paramref name="capacity"/> distinct non-ASCII keywords the rest are normalised each time, so memory stays flat on
/// a file of all-distinct keywords.
/// </summary>
public sealed class KeywordNormalizerCache(int capacity = KeywordNormalizerCache.DefaultCapacity) : IDisposable
{
    public const int DefaultCapacity = 100_000;

    // Pooled (TablePool): one cache per file.
    private readonly Utf8KeyTable _raw = new(1024, pooled: true);
    private readonly Utf8KeyTable _normalized = new(1024, pooled: true);
    private int[] _normalizedOf = new int[1024];
    private byte[] _scratch = new byte[256];

    /// <summary>
    /// The normalised keyword of <paramref name="rawUtf8"/> as UTF-8, decoded as Parquet readers decode text (invalid
    /// UTF-8 becomes U+FFFD); empty when nothing is left. Valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Normalize(ReadOnlySpan<byte> rawUtf8)
    {
        if (_scratch.Length < rawUtf8.Length)
        {
            _scratch = new byte[Math.Max(rawUtf8.Length, _scratch.Length * 2)];
        }
        if (KeywordNormalizer.TryNormalizeAscii(rawUtf8, _scratch, out int written))
        {
            return _scratch.AsSpan(0, written);
        }
        ulong hash = ShardHash.Hash(rawUtf8);
        int id = _raw.Find(rawUtf8, hash);
        if (id >= 0)
        {
            return _normalized.KeyOf(_normalizedOf[id]);
        }
        var normalized = Encoding.UTF8.GetBytes(KeywordNormalizer.Normalize(Encoding.UTF8.GetString(rawUtf8)));
        if (_raw.Count >= capacity)
        {
            return normalized;
        }
        id = _raw.GetOrAdd(rawUtf8, hash);
        if (id == _normalizedOf.Length)
        {
            Array.Resize(ref _normalizedOf, id * 2);
        }
        _normalizedOf[id] = _normalized.GetOrAdd(normalized);
        return _normalized.KeyOf(_normalizedOf[id]);
    }

    public void Dispose()
    {
        _raw.Dispose();
        _normalized.Dispose();
    }
}
