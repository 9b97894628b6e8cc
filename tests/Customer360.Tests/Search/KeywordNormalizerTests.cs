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
}
