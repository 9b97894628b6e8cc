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
        using var reader = new BinaryReader(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
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
        byte[] bytes = new byte[256];
        char[] chars = new char[256];
        for (int u = reader.ReadInt32(); u > 0; u--)
        {
            var user = ReadChars(reader, ref bytes, ref chars);
            if (!userLookup.TryGetValue(user, out var keywords))
            {
                keywords = new Dictionary<string, long>(StringComparer.Ordinal);
                users.Add(new string(user), keywords);
            }
            var keywordLookup = keywords.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int k = reader.Read7BitEncodedInt(); k > 0; k--)
            {
                var keyword = ReadChars(reader, ref bytes, ref chars);
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

    /// <summary>Reads one string written by <see cref="BinaryWriter.Write(string)"/> (7-bit byte length + UTF-8) into <paramref name="chars"/>.</summary>
    private static ReadOnlySpan<char> ReadChars(BinaryReader reader, ref byte[] bytes, ref char[] chars)
    {
        int length = reader.Read7BitEncodedInt();
        if (length < 0)
        {
            throw new InvalidDataException("Negative string length in a search partial.");
        }
        if (bytes.Length < length)
        {
            bytes = new byte[Math.Max(length, bytes.Length * 2)];
            chars = new char[bytes.Length];
        }
        var span = bytes.AsSpan(0, length);
        reader.BaseStream.ReadExactly(span);
        int decoded = Encoding.UTF8.GetChars(span, chars);
        return chars.AsSpan(0, decoded);
    }
}
