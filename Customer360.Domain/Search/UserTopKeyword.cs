using System.Runtime.InteropServices;
using System.Text;

namespace Customer360.Domain.Search;

/// <summary>
/// A user's most searched normalised keyword in a month, before classification: what a search shard's reduce
/// finds and keeps in its shard result. The load joins it with its genre into a <see cref="TopKeywordRow"/>, the
/// output row. (Named for what it is, a user's top keyword; where it is kept, a shard, is the store's business.)
/// </summary>
public sealed record UserTopKeyword(int Month, string UserId, string Keyword, long Count)
{
    /// <summary>Highest count; ties → the ordinal-smallest keyword (<c>string.CompareOrdinal</c>).</summary>
    public static UserTopKeyword Pick(int month, string userId, IReadOnlyDictionary<string, long> counts)
    {
        string? best = null;
        long bestCount = 0;
        foreach (var (keyword, count) in counts)
        {
            if (best is null || count > bestCount || (count == bestCount && string.CompareOrdinal(keyword, best) < 0))
            {
                best = keyword;
                bestCount = count;
            }
        }
        return new UserTopKeyword(month, userId, best ?? throw new ArgumentException("No keywords.", nameof(counts)), bestCount);
    }

    public static Comparison<UserTopKeyword> Order { get; } = (a, b) =>
        a.Month != b.Month ? a.Month.CompareTo(b.Month) : string.CompareOrdinal(a.UserId, b.UserId);

    public static void WriteAll(Stream stream, IReadOnlyCollection<UserTopKeyword> rows)
    {
        using var writer = new BinaryWriter(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
        writer.Write(rows.Count);
        foreach (var r in rows)
        {
            writer.Write(r.Month);
            writer.Write(r.UserId);
            writer.Write(r.Keyword);
            writer.Write7BitEncodedInt64(r.Count);
        }
    }

    public static void ReadAll(Stream stream, List<UserTopKeyword> rows)
    {
        using var reader = new BinaryReader(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
        // A user appears once per month and a popular keyword in many rows: one string each, not one per
        // row (at full scale this is hundreds of MB of the load steps' memory).
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int n = reader.ReadInt32(); n > 0; n--)
        {
            int month = reader.ReadInt32();
            var user = Pooled(strings, reader.ReadString());
            var keyword = Pooled(strings, reader.ReadString());
            rows.Add(new UserTopKeyword(month, user, keyword, reader.Read7BitEncodedInt64()));
        }
    }

    private static string Pooled(Dictionary<string, string> pool, string value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(pool, value, out bool exists);
        if (!exists)
        {
            slot = value;
        }
        return slot!;
    }
}
