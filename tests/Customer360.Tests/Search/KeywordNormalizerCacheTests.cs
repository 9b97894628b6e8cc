using System.Text;
using Customer360.Domain.Search;

namespace Customer360.Tests.Search;

public class KeywordNormalizerCacheTests
{
    private static string Normalized(KeywordNormalizerCache cache, string raw) => Encoding.UTF8.GetString(cache.Normalize(Encoding.UTF8.GetBytes(raw)));

    [Fact]
    public void Gives_what_the_normalizer_gives_before_and_after_its_capacity_is_reached()
    {
        using var cache = new KeywordNormalizerCache(capacity: 3);
        string[] raw = ["  Phim  Truyện ", "phim truyện".Normalize(NormalizationForm.FormD), "VTV3", "Bóng\tĐá", "  Phim  Truyện ", "x  Y", "VTV3", "Bóng\tĐá", "Ωμέγα ΠΙ", " \t "];
        foreach (var keyword in raw.Concat(raw))
        {
            Assert.Equal(KeywordNormalizer.Normalize(keyword), Normalized(cache, keyword));
        }
    }

    [Fact]
    public void Invalid_utf8_normalises_as_its_replacement_characters()
    {
        using var cache = new KeywordNormalizerCache();
        Assert.Equal("a\uFFFDb", Encoding.UTF8.GetString(cache.Normalize([(byte)'A', 0xC3, (byte)'b'])));
    }

    [Fact]
    public void Random_keywords_normalise_as_the_string_rule_whichever_path_they_take()
    {
        // ASCII (normalised from the bytes) and not (through the string rule, then remembered), repeated so the
        // remembered ones are read back, interleaved so a returned span is checked before the next call reuses it.
        string[] pieces = ["Phim", "TRUYỆN", "truye\u0302\u0323n", "vtv3", "K+", " ", "\t", "\r\n", "\u00A0", "ß", "Z", "a"];
        var random = new Random(7);
        var keywords = Enumerable.Range(0, 2_000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => pieces[random.Next(pieces.Length)])))
            .ToList();
        using var cache = new KeywordNormalizerCache(capacity: 500);
        foreach (var keyword in keywords.Concat(keywords))
        {
            Assert.Equal(KeywordNormalizer.Normalize(keyword), Normalized(cache, keyword));
        }
    }
}
