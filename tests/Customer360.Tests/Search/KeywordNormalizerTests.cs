using System.Text;
using Customer360.Domain.Search;

namespace Customer360.Tests.Search;

public class KeywordNormalizerTests
{
    [Theory]
    [InlineData("  Phim   Truyện ", "phim truyện")]
    [InlineData("PHIM\tTRUYỆN\n", "phim truyện")]
    [InlineData("phim\u00A0truyen", "phim truyen")] // no-break space is whitespace
    [InlineData("VTV3", "vtv3")]
    [InlineData("Đức", "đức")]
    public void Trims_collapses_and_lower_cases(string raw, string expected) => Assert.Equal(expected, KeywordNormalizer.Normalize(raw));

    [Fact]
    public void Decomposed_and_composed_forms_are_one_keyword()
    {
        var decomposed = "phim truyện".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("phim truyện", decomposed);
        Assert.Equal("phim truyện", KeywordNormalizer.Normalize(decomposed));
    }

    [Fact]
    public void Diacritics_are_kept_distinct() =>
        Assert.NotEqual(KeywordNormalizer.Normalize("phim truyện"), KeywordNormalizer.Normalize("phim truyen"));

    [Fact]
    public void Whitespace_only_becomes_empty() => Assert.Equal("", KeywordNormalizer.Normalize(" \t "));

    /// <summary>
    /// The claim that lets text skip ICU: every character the fast check lets through is in NFC alone, and so is
    /// every ordered pair of them (none decomposes, composes with another or reorders against it), so any text of
    /// them is. Checked against ICU itself, all 1,024 characters and 1,048,576 pairs.
    /// </summary>
    [Fact]
    public void Text_the_fast_check_passes_is_in_nfc_by_icu_for_every_character_and_pair()
    {
        var passing = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => KeywordNormalizer.IsAlwaysNfc([c])).ToList();
        Assert.Equal(0x300 + 0x100, passing.Count);
        var pair = new char[2];
        foreach (char first in passing)
        {
            Assert.True(first.ToString().IsNormalized(NormalizationForm.FormC), $"U+{(int)first:X4}");
            pair[0] = first;
            foreach (char second in passing)
            {
                pair[1] = second;
                var text = new string(pair);
                if (!text.IsNormalized(NormalizationForm.FormC))
                {
                    Assert.Fail($"U+{(int)first:X4} U+{(int)second:X4} is not in NFC");
                }
            }
        }
        Assert.False(KeywordNormalizer.IsAlwaysNfc("phim truye\u0302\u0323n")); // decomposed Vietnamese goes through ICU
        Assert.True(KeywordNormalizer.IsAlwaysNfc("phim truyện"));
    }

    /// <summary>
    /// The lower-case table is <c>char.ToLowerInvariant</c> for all 65,536 UTF-16 units, and lowering never makes or
    /// unmakes whitespace (the normaliser tests whitespace before it lowers).
    /// </summary>
    [Fact]
    public void Lower_case_table_is_char_to_lower_invariant_for_every_unit()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char unit = (char)c;
            char lower = KeywordNormalizer.LowerInvariant(unit);
            if (lower != char.ToLowerInvariant(unit) || char.IsWhiteSpace(lower) != char.IsWhiteSpace(unit))
            {
                Assert.Fail($"U+{c:X4}: table U+{(int)lower:X4}, char.ToLowerInvariant U+{(int)char.ToLowerInvariant(unit):X4}");
            }
        }
        Assert.Equal('ệ', KeywordNormalizer.LowerInvariant('Ệ'));
        Assert.Equal('İ', KeywordNormalizer.LowerInvariant('İ')); // .NET's invariant rule keeps U+0130
    }

    /// <summary>The rule as DESIGN §4 states it, written plainly: NFC, trim, whitespace runs to one space, each UTF-16 unit lower-cased.</summary>
    private static string PlainRule(string raw)
    {
        var words = raw.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return new string(string.Join(' ', words).Select(char.ToLowerInvariant).ToArray());
    }

    [Fact]
    public void Random_text_normalises_exactly_as_the_plain_rule()
    {
        // Vietnamese in both forms, other cased scripts, Turkish dotted/dotless i, whitespace of several kinds,
        // a supplementary capital (Deseret; a lone surrogate cannot come out of UTF-8).
        string[] pieces = ["Phim", "TRUYỆN", "truye\u0302\u0323n", "ĐỨC", "Ωμέγα", "ПРИВЕТ", "İ", "ı", "ǅ", "ß", "ẞ", " ", "\t", "\u00A0", "\u3000", "\n", "𐐀", "vtv3", "K", "Å", "ﬁ"];
        var random = new Random(42);
        for (int i = 0; i < 20_000; i++)
        {
            var raw = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(PlainRule(raw), KeywordNormalizer.Normalize(raw));
        }
    }

    [Fact]
    public void The_ascii_path_is_the_string_rule_for_every_ascii_character_alone_and_between_letters()
    {
        var destination = new byte[8];
        for (int c = 0; c < 128; c++)
        {
            foreach (var raw in new[] { ((char)c).ToString(), $"A{(char)c}{(char)c}b", $"{(char)c}Q" })
            {
                Assert.True(KeywordNormalizer.TryNormalizeAscii(Encoding.ASCII.GetBytes(raw), destination, out int written));
                Assert.Equal(KeywordNormalizer.Normalize(raw), Encoding.ASCII.GetString(destination, 0, written));
            }
        }
    }

    [Fact]
    public void The_ascii_path_declines_other_text() =>
        Assert.False(KeywordNormalizer.TryNormalizeAscii(Encoding.UTF8.GetBytes("Phim Truyện"), new byte[32], out _));
}
