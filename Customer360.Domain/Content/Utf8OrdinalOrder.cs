using System.Buffers;
using System.Buffers.Binary;

namespace Customer360.Domain.Content;

/// <summary>
/// <c>string.CompareOrdinal</c> order (UTF-16 code units) of valid UTF-8 text, straight from the bytes: no string
/// per key to sort a table's keys.
/// </summary>
/// <remarks>
/// UTF-8 byte order is code point order, which is UTF-16 order except that U+E000–U+FFFF (lead bytes EE, EF) sort
/// after the supplementary planes (lead bytes F0–F4, surrogates D800–DFFF in UTF-16). Those seven byte values only
/// ever occur as lead bytes, so moving EE, EF after F0–F4 makes plain byte order UTF-16 order: where two texts first
/// differ, either both bytes are continuations of leads that were equal (same class: code point order is UTF-16
/// order), or they are leads.
/// </remarks>
internal static class Utf8OrdinalOrder
{
    /// <summary>Negative, zero or positive as <c>string.CompareOrdinal</c> of the decoded texts.</summary>
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int common = a.CommonPrefixLength(b);
        if (common == a.Length || common == b.Length)
        {
            return a.Length - b.Length;
        }
        return Weight(a[common]) - Weight(b[common]);
    }

    /// <summary>Each key's rank (by id) in <see cref="Compare"/> order: sorted by an 8-byte prefix, then ties by the whole key.</summary>
    public static int[] Ranks(Utf8KeyTable table)
    {
        int count = table.Count;
        var prefixes = ArrayPool<ulong>.Shared.Rent(Math.Max(count, 1));
        var ids = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        try
        {
            for (int id = 0; id < count; id++)
            {
                prefixes[id] = Prefix(table.KeyOf(id));
                ids[id] = id;
            }
            var sortedPrefixes = prefixes.AsSpan(0, count);
            var order = ids.AsSpan(0, count);
            sortedPrefixes.Sort(order);
            Comparison<int> byKey = (x, y) => Compare(table.KeyOf(x), table.KeyOf(y));
            for (int start = 0; start < count;)
            {
                int end = start + 1;
                while (end < count && sortedPrefixes[end] == sortedPrefixes[start])
                {
                    end++;
                }
                if (end - start > 1)
                {
                    order[start..end].Sort(byKey);
                }
                start = end;
            }
            var ranks = new int[count];
            for (int rank = 0; rank < count; rank++)
            {
                ranks[order[rank]] = rank;
            }
            return ranks;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(prefixes);
            ArrayPool<int>.Shared.Return(ids);
        }
    }

    /// <summary>The first 8 bytes, weighted, big-endian (shorter keys padded with zeros: a tie the whole-key sort settles).</summary>
    private static ulong Prefix(ReadOnlySpan<byte> key)
    {
        Span<byte> bytes = stackalloc byte[8];
        bytes.Clear();
        int length = Math.Min(8, key.Length);
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)Weight(key[i]);
        }
        return BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    /// <summary>A byte's place: itself, except the leads F0–F4 move down to EE–F2 and EE, EF up to F3, F4.</summary>
    private static int Weight(byte b) => b switch
    {
        < 0xEE => b,
        0xEE => 0xF3,
        0xEF => 0xF4,
        <= 0xF4 => b - 2,
        _ => b,
    };
}
