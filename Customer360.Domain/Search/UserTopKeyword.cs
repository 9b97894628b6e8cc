using System.Buffers.Binary;
using System.Text;
using Customer360.Domain.Storage;

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

    /// <summary>Writes <paramref name="rows"/> in the shard result format (the reduce writes its own from UTF-8, <see cref="ShardTopKeywords.WriteTo"/>).</summary>
    public static void WriteAll(Stream stream, IReadOnlyCollection<UserTopKeyword> rows)
    {
        using var writer = new PartialBlockWriter(16 + (rows.Count * 32));
        WriteCount(writer, rows.Count);
        foreach (var r in rows)
        {
            WriteRow(writer, r.Month, Encoding.UTF8.GetBytes(r.UserId), Encoding.UTF8.GetBytes(r.Keyword), r.Count);
        }
        writer.CopyTo(stream);
    }

    /// <summary>The format's header: the row count, as <see cref="BinaryWriter.Write(int)"/> writes it.</summary>
    internal static void WriteCount(PartialBlockWriter writer, int rows) => writer.WriteInt32(rows);

    /// <summary>One row as <see cref="BinaryWriter"/> writes month, user, keyword (length-prefixed UTF-8) and a 7-bit count, which <see cref="ReadEach"/> reads.</summary>
    internal static void WriteRow(PartialBlockWriter writer, int month, ReadOnlySpan<byte> userId, ReadOnlySpan<byte> keyword, long count)
    {
        writer.Ensure(4 + 5 + userId.Length + 5 + keyword.Length + 10);
        writer.WriteInt32(month);
        writer.WriteBytes(userId);
        writer.WriteBytes(keyword);
        writer.Write7Bit((ulong)count);
    }

    public static void ReadAll(Stream stream, List<UserTopKeyword> rows)
    {
        // A user appears once per month and a popular keyword in many rows: one string each, not one per
        // row (at full scale this is hundreds of MB of the load steps' memory).
        var strings = new StringPool();
        ReadEach(stream, (month, userId, keyword, count) => rows.Add(new UserTopKeyword(month, strings.Get(userId), strings.Get(keyword), count)));
    }

    /// <summary>Receives a row of a shard result from <see cref="ReadEach"/>; the spans are valid during the call only.</summary>
    public delegate void RowVisitor(int month, ReadOnlySpan<char> userId, ReadOnlySpan<char> keyword, long count);

    /// <summary>The number of rows a shard result holds (its first field), without reading them.</summary>
    public static int ReadCount(Stream stream)
    {
        Span<byte> count = stackalloc byte[sizeof(int)];
        stream.ReadExactly(count);
        return BinaryPrimitives.ReadInt32LittleEndian(count);
    }

    /// <summary>
    /// Every row of a shard result, its strings decoded into reused buffers instead of a string per field: for a
    /// reader that keeps strings of its own (the search load takes each keyword's from its genre table).
    /// </summary>
    public static void ReadEach(Stream stream, RowVisitor visit)
    {
        using var reader = new BinaryReader(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
        var bytes = new byte[256];
        char[] user = new char[64], keyword = new char[256];
        for (int n = reader.ReadInt32(); n > 0; n--)
        {
            int month = reader.ReadInt32();
            var userId = ReadString(reader, ref bytes, ref user);
            var key = ReadString(reader, ref bytes, ref keyword);
            visit(month, userId, key, reader.Read7BitEncodedInt64());
        }
    }

    /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> wrote it (length-prefixed UTF-8), decoded into <paramref name="chars"/>.</summary>
    private static ReadOnlySpan<char> ReadString(BinaryReader reader, ref byte[] bytes, ref char[] chars)
    {
        int length = reader.Read7BitEncodedInt();
        if (bytes.Length < length)
        {
            bytes = new byte[Math.Max(length, bytes.Length * 2)];
        }
        reader.BaseStream.ReadExactly(bytes.AsSpan(0, length));
        if (chars.Length < length)
        {
            chars = new char[Math.Max(length, chars.Length * 2)];
        }
        return chars.AsSpan(0, Encoding.UTF8.GetChars(bytes.AsSpan(0, length), chars));
    }
}
