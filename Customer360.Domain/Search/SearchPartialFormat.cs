using Customer360.Domain.Content;
using Customer360.Domain.Storage;
using System.Text;
using System.Text.Unicode;

namespace Customer360.Domain.Search;

/// <summary>
/// The binary layout of one shard of a search partial: per user, keyword counts for one month. Version 2:
/// the shard's distinct keywords once, as a table, then per user its keyword counts by table index — a
/// reduce decodes and looks up each keyword once per partial instead of once per user who searched it.
/// <code>
/// magic int32, version byte (2), month int32,
/// keyword count int32, keywords (7-bit length + UTF-8) ...,
/// user count int32, per user: user (7-bit length + UTF-8), n (7-bit), n × (keyword index 7-bit, count 7-bit int64)
/// </code>
/// </summary>
public static class SearchPartialFormat
{
    private const int Magic = 0x53_30_36_43;
    private const byte Version = 2;

    /// <summary>Writes the shard of <paramref name="day"/> holding <paramref name="users"/> (user ids, in the order to write them).</summary>
    public static void Write(Stream stream, int month, SearchDayAggregator day, IReadOnlyList<int> users)
    {
        // The shard's keyword table: day keyword id → index in this shard, in the order the users first use them.
        var indexOf = new int[day.KeywordCount];
        var keywords = new List<int>();
        foreach (int user in users)
        {
            foreach (var count in day.CountsOf(user))
            {
                if (indexOf[count.Keyword] == 0)
                {
                    keywords.Add(count.Keyword);
                    indexOf[count.Keyword] = keywords.Count; // index + 1: 0 is "not in the table yet"
                }
            }
        }
        using var writer = new PartialBlockWriter(64 + (keywords.Count * 16) + (users.Count * 24));
        writer.WriteInt32(Magic);
        writer.WriteByte(Version);
        writer.WriteInt32(month);
        writer.WriteInt32(keywords.Count);
        foreach (int keyword in keywords)
        {
            var text = day.KeywordUtf8(keyword);
            writer.Ensure(5 + text.Length);
            writer.WriteBytes(text);
        }
        writer.WriteInt32(users.Count);
        foreach (int user in users)
        {
            var counts = day.CountsOf(user);
            var name = day.UserUtf8(user);
            writer.Ensure(5 + name.Length + 5 + (counts.Length * 10));
            writer.WriteBytes(name);
            writer.Write7Bit((uint)counts.Length);
            foreach (var count in counts)
            {
                writer.Write7Bit((uint)(indexOf[count.Keyword] - 1));
                writer.Write7Bit((ulong)count.Count);
            }
        }
        writer.CopyTo(stream);
    }

    /// <summary>Merges a shard into <paramref name="target"/>: month → user → keyword → count.</summary>
    /// <remarks>The reduce step uses <see cref="SearchShardReducer"/>, which keeps far less per user; this stays for callers that want the dictionaries.</remarks>
    public static void ReadInto(Stream stream, Dictionary<int, Dictionary<string, Dictionary<string, long>>> target)
    {
        Read(stream, new DictionaryTarget(target));
    }

    /// <summary>What a decoded partial goes into: its month, its keyword table, then each user's counts by table index.</summary>
    internal interface ITarget
    {
        void Month(int month);

        /// <summary>A keyword of the partial's table, by its index there: valid UTF-8 (checked by the decoder).</summary>
        void Keyword(int index, ReadOnlySpan<byte> keyword);

        /// <summary>A user id as the partial holds it: valid UTF-8 (checked by the decoder).</summary>
        void User(ReadOnlySpan<byte> user);

        void Count(int keyword, long count);
    }

    /// <summary>Decodes a whole shard (read into memory) into <paramref name="target"/>; a garbled or truncated one is an <see cref="InvalidDataException"/>.</summary>
    internal static void Read<TTarget>(Stream stream, TTarget target) where TTarget : ITarget
    {
        var data = PartialCursor.ReadAll(stream, out int length);
        try
        {
            Decode(new PartialCursor(data.AsSpan(0, length)), target);
        }
        finally
        {
            TablePool.Return(data);
        }
    }

    private static void Decode<TTarget>(PartialCursor reader, TTarget target) where TTarget : ITarget
    {
        if (reader.ReadInt32() != Magic || reader.ReadByte() != Version)
        {
            throw new InvalidDataException("Not a search partial of this pipeline version.");
        }
        target.Month(reader.ReadInt32());
        int keywords = reader.ReadInt32();
        if (keywords < 0)
        {
            throw new InvalidDataException("Negative keyword count in a search partial.");
        }
        for (int k = 0; k < keywords; k++)
        {
            var keyword = reader.ReadUtf8();
            if (!Utf8.IsValid(keyword))
            {
                throw new InvalidDataException("A keyword in a search partial is not valid UTF-8.");
            }
            target.Keyword(k, keyword);
        }
        for (int u = reader.ReadInt32(); u > 0; u--)
        {
            var user = reader.ReadUtf8();
            if (!Utf8.IsValid(user))
            {
                throw new InvalidDataException("A user id in a search partial is not valid UTF-8.");
            }
            target.User(user);
            for (int n = reader.Read7BitEncodedInt(); n > 0; n--)
            {
                int keyword = reader.Read7BitEncodedInt();
                if ((uint)keyword >= (uint)keywords)
                {
                    throw new InvalidDataException($"Keyword index {keyword} outside the partial's table of {keywords}.");
                }
                target.Count(keyword, reader.Read7BitEncodedInt64());
            }
        }
    }

    /// <summary>Into month → user → keyword → count dictionaries (the plain reading the tests compare against): a string per user and partial, one per distinct keyword per partial.</summary>
    private sealed class DictionaryTarget(Dictionary<int, Dictionary<string, Dictionary<string, long>>> target) : ITarget
    {
        private Dictionary<string, Dictionary<string, long>>? _usersOfMonth;
        private readonly List<string> _keywords = [];
        private Dictionary<string, long> _counts = null!;

        public void Month(int month)
        {
            if (!target.TryGetValue(month, out _usersOfMonth))
            {
                target[month] = _usersOfMonth = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
            }
        }

        public void Keyword(int index, ReadOnlySpan<byte> keyword) => _keywords.Add(Encoding.UTF8.GetString(keyword));

        public void User(ReadOnlySpan<byte> utf8)
        {
            var user = Encoding.UTF8.GetString(utf8);
            if (!_usersOfMonth!.TryGetValue(user, out var counts))
            {
                counts = new Dictionary<string, long>(StringComparer.Ordinal);
                _usersOfMonth.Add(user, counts);
            }
            _counts = counts;
        }

        public void Count(int keyword, long count)
        {
            var name = _keywords[keyword];
            _counts[name] = _counts.GetValueOrDefault(name) + count;
        }
    }
}
