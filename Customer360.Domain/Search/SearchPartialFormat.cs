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
        for (int u = reader.ReadInt32(); u > 0; u--)
        {
            string user = reader.ReadString();
            if (!users.TryGetValue(user, out var keywords))
            {
                users[user] = keywords = new Dictionary<string, long>(StringComparer.Ordinal);
            }
            for (int k = reader.Read7BitEncodedInt(); k > 0; k--)
            {
                string keyword = reader.ReadString();
                keywords[keyword] = keywords.GetValueOrDefault(keyword) + reader.Read7BitEncodedInt64();
            }
        }
    }
}
