using Customer360.Domain.Search;

namespace Customer360.Tests.Search;

public class TopKeywordAndTrendTests
{
    [Fact]
    public void Top_keyword_is_the_most_searched()
    {
        var top = UserTopKeyword.Pick(202206, "U1", new Dictionary<string, long> { ["a"] = 2, ["b"] = 5, ["c"] = 1 });
        Assert.Equal(("b", 5L), (top.Keyword, top.Count));
    }

    [Fact]
    public void Ties_go_to_the_ordinal_smallest_keyword()
    {
        // Ordinal (UTF-16) order: "Z" (0x5A) < "a" (0x61) < "à" (0xE0); culture order would differ.
        var top = UserTopKeyword.Pick(202206, "U1", new Dictionary<string, long> { ["à"] = 3, ["a"] = 3, ["b"] = 3 });
        Assert.Equal("a", top.Keyword);
        Assert.Equal("phim truyen", UserTopKeyword.Pick(202206, "U1", new Dictionary<string, long> { ["phim truyện"] = 2, ["phim truyen"] = 2 }).Keyword);
    }

    private static TopKeywordRow Top(int month, string user, string genre) => new(month, user, "k-" + genre, 1, genre, "rules");

    [Fact]
    public void Trend_pairs_consecutive_months_for_users_in_both()
    {
        var rows = new[]
        {
            Top(202206, "U1", "Drama"), Top(202207, "U1", "C Drama"),
            Top(202206, "U2", "Drama"), Top(202207, "U2", "Drama"),
            Top(202206, "U3", "Sports"),                           // only June
            Top(202207, "U4", "Music"),                            // only July
        };
        var trend = TrendBuilder.Build(rows);
        Assert.Equal(2, trend.Count);
        Assert.Equal(new TrendRow(202206, 202207, "U1", "k-Drama", "Drama", "k-C Drama", "C Drama", "Changed", "Drama - C Drama"), trend[0]);
        Assert.Equal(new TrendRow(202206, 202207, "U2", "k-Drama", "Drama", "k-Drama", "Drama", "Unchanged", "Unchanged"), trend[1]);
    }

    [Fact]
    public void A_gap_between_months_gives_no_pair() =>
        Assert.Empty(TrendBuilder.Build([Top(202206, "U1", "Drama"), Top(202208, "U1", "Music")]));

    [Fact]
    public void December_pairs_with_the_next_january()
    {
        Assert.Equal(202301, TrendBuilder.NextMonth(202212));
        Assert.Single(TrendBuilder.Build([Top(202212, "U1", "Drama"), Top(202301, "U1", "News")]));
    }

    [Fact]
    public void Three_months_give_two_pairs() =>
        Assert.Equal([(202206, 202207), (202207, 202208)],
            TrendBuilder.Build([Top(202206, "U1", "A"), Top(202207, "U1", "B"), Top(202208, "U1", "B")]).Select(t => (t.MonthFrom, t.MonthTo)));
}
