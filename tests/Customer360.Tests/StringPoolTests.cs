using Customer360.Domain;

namespace Customer360.Tests;

/// <summary>A pool hands out one string per distinct value, whether asked with a span or a string.</summary>
public class StringPoolTests
{
    [Fact]
    public void Equal_values_get_the_first_string_seen_and_different_values_their_own()
    {
        var pool = new StringPool();
        var first = new string("phim hành động");
        Assert.Same(first, pool.Get(first));
        Assert.Same(first, pool.Get(new string("phim hành động")));
        Assert.Same(first, pool.Get("xphim hành động".AsSpan(1)));
        var other = pool.Get("Phim hành động".AsSpan());
        Assert.Equal("Phim hành động", other);
        Assert.Same(other, pool.Get("Phim hành động"));
        Assert.NotSame(first, other);
    }
}
