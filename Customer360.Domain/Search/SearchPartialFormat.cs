using System.Buffers;
using Customer360.Domain.Storage;
using System.Text;

namespace Customer360.Domain.Search;

/// <summary>The binary layout of one shard of a search partial: per user, keyword counts for one month.</summary>
public static class SearchPartialFormat
{
    private const int Magic = 0x53_30_36_43;
    private const byte Version = 1;

    public static void Write(Stream stream, int month, IReadOnlyCollection<KeyValuePair<string, Dictionary<string, long>>> users)
    {
        using var writer = new BinaryWriter(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(month);
        writer.Write(users.Count);
        foreach (var (user, keywords) in users)
        {
            writer.Write(user);
            writer.Write7BitEncodedInt(keywords.Count);
            foreach (var (keyword, count) in keywords)
            {
                writer.Write(keyword);
                writer.Write7BitEncodedInt64(count);
            }
        }
    }

    /// <summary>Merges a shard into <paramref name="target"/>: month → user → keyword → count.</summary>
    public static void ReadInto(Stream stream, Dictionary<int, Dictionary<string, Dictionary<string, long>>> target)
    {
        // A shard is read whole and decoded from memory.
        var data = PartialCursor.ReadAll(stream, out int length);
        try
        {
            Merge(new PartialCursor(data.AsSpan(0, length)), target);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    private static void Merge(PartialCursor reader, Dictionary<int, Dictionary<string, Dictionary<string, long>>> target)
    {
        if (reader.ReadInt32() != Magic || reader.ReadByte() != Version)
        {
            throw new InvalidDataException("Not a search partial of this pipeline version.");
        }
        int month = reader.ReadInt32();
        if (!target.TryGetValue(month, out var users))
        {
            target[month] = users = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        }
        // Users and keywords are decoded into a reused buffer and looked up without allocating: a string
        // only for a user new to this reduce, and one per distinct keyword per shard file, shared by all its users.
        var userLookup = users.GetAlternateLookup<ReadOnlySpan<char>>();
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var poolLookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        char[] chars = new char[256];
        for (int u = reader.ReadInt32(); u > 0; u--)
        {
            var user = reader.ReadChars(ref chars);
            if (!userLookup.TryGetValue(user, out var keywords))
            {
                keywords = new Dictionary<string, long>(StringComparer.Ordinal);
                users.Add(new string(user), keywords);
            }
            var keywordLookup = keywords.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int k = reader.Read7BitEncodedInt(); k > 0; k--)
            {
                var keyword = reader.ReadChars(ref chars);
                long count = reader.Read7BitEncodedInt64();
                if (keywordLookup.TryGetValue(keyword, out var seen))
                {
                    keywordLookup[keyword] = seen + count;
                    continue;
                }
                if (!poolLookup.TryGetValue(keyword, out var pooled))
                {
                    pooled = new string(keyword);
                    pool.Add(pooled, pooled);
                }
                keywords.Add(pooled, count);
            }
        }
    }
}
