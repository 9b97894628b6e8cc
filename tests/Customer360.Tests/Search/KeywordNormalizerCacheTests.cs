using System.Text;
using Customer360.Domain.Search;

namespace Customer360.Tests.Search;

public class KeywordNormalizerCacheTests
{
    [Fact]
    public void Gives_what_the_normalizer_gives_before_and_after_its_capacity_is_reached()
    {
        var cache = new KeywordNormalizerCache(capacity: 3);
        string[] raw = ["  Phim  Truyện ", "phim truyện".Normalize(NormalizationForm.FormD), "VTV3", "Bóng\tĐá", "  Phim  Truyện ", "x  Y", "VTV3", "Bóng\tĐá"];
        foreach (var keyword in raw.Concat(raw))
        {
            Assert.Equal(KeywordNormalizer.Normalize(keyword), cache.Normalize(Encoding.UTF8.GetBytes(keyword)));
        }
    }

    [Fact]
    public void Invalid_utf8_normalises_as_its_replacement_characters() =>
        Assert.Equal("a\uFFFDb", new KeywordNormalizerCache().Normalize([(byte)'A', 0xC3, (byte)'b']));

    [Fact]
    public void A_repeated_raw_keyword_gets_the_same_string_instance()
    {
        var cache = new KeywordNormalizerCache();
        Assert.Same(cache.Normalize(" VTV3"u8), cache.Normalize(Encoding.UTF8.GetBytes(" VTV3")));
    }
}
