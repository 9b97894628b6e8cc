using System.Text;
using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

public class Utf8OrdinalOrderTests
{
    // Every class of character whose UTF-8 and UTF-16 orders could disagree: ASCII (with NUL), 2- and 3-byte text,
    // the last code point before the surrogates, private use and the end of the BMP (after the surrogates in UTF-8
    // terms), supplementary characters (surrogate pairs in UTF-16).
    private static readonly string[] Pieces = ["\0", "a", "B", "z", "~", "é", "ơ", "Đ", "ệ", "中", "\uD7FF", "\uE000", "\uFB01", "\uFFFD", "\uFFFF", "😀", "𐐀", "\U0010FFFF", "phim", "phim "];

    private static List<string> RandomTexts(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pieces[random.Next(Pieces.Length)])))];
    }

    [Fact]
    public void Compares_as_string_compare_ordinal()
    {
        var texts = RandomTexts(600, 1);
        foreach (var a in texts)
        {
            foreach (var b in texts.Take(60))
            {
                Assert.Equal(Math.Sign(string.CompareOrdinal(a, b)), Math.Sign(Utf8OrdinalOrder.Compare(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b))));
            }
        }
    }

    [Fact]
    public void Ranks_a_tables_keys_in_ordinal_order()
    {
        // Long shared prefixes (ties of the 8-byte prefix) as well as short keys.
        var texts = RandomTexts(5_000, 2).Select((t, i) => i % 3 == 0 ? "phim bo tap " + t : t).Distinct(StringComparer.Ordinal).ToList();
        using var table = new Utf8KeyTable(16);
        foreach (var text in texts)
        {
            table.GetOrAdd(Encoding.UTF8.GetBytes(text));
        }
        var ranks = Utf8OrdinalOrder.Ranks(table);
        var expected = texts.Order(StringComparer.Ordinal).ToList();
        for (int id = 0; id < texts.Count; id++)
        {
            Assert.Equal(expected[ranks[id]], texts[id]);
        }
    }
}
