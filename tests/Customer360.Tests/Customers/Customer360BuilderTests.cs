using Customer360.Domain.Content;
using Customer360.Domain.Customers;
using Customer360.Domain.Search;

namespace Customer360.Tests.Customers;

public class Customer360BuilderTests
{
    private static ContentProfileRow Profile(int month, string contract, long th) => new(month, contract, th, 0, 0, 0, 0, 1, 20, "High", "Truyền Hình", "Truyền Hình");

    private static TopKeywordRow Top(int month, string user, string keyword, string genre) => new(month, user, keyword, 3, genre, "llm");

    private static Dictionary<string, LatestSearch> Search(IReadOnlyCollection<TopKeywordRow> tops)
    {
        var search = new Dictionary<string, LatestSearch>(StringComparer.Ordinal);
        LatestSearch.AddUsers(tops, search);
        return search;
    }

    private static List<Dictionary<string, object?>> Rows(Domain.Tables.OutputTable table) =>
        Enumerable.Range(0, table.RowCount).Select(i => table.Columns.ToDictionary(c => c.Name, c => c.GetValue(i))).ToList();

    [Fact]
    public void Joins_latest_profile_with_latest_search_through_the_identity_map_and_keeps_one_stream_customers()
    {
        var content = new[] { Profile(202203, "C1", 10), Profile(202204, "C1", 20), Profile(202204, "C2", 5), Profile(202204, "U9", 7) };
        var tops = new[] { Top(202206, "U1", "vtv3", "TV Channel"), Top(202207, "U1", "doraemon", "Animation"), Top(202207, "U2", "bóng đá", "Sports"), Top(202207, "U9", "a", "Other") };
        var rows = Rows(Customer360Builder.Build(content, Search(tops), [new IdentityLink("C1", "U1")]));

        Assert.Equal(["C1/U1", "C2/C2", "U2/U2", "U9/U9"], rows.Select(r => $"{r["contract"]}/{r["user_id"]}"));
        var c1 = rows[0];
        Assert.Equal((202204, 20L), (c1["content_month"], c1["truyen_hinh"]));                 // latest content month
        Assert.Equal((202207, "doraemon", "Animation"), (c1["search_month"], c1["most_search"], c1["category"])); // latest search month
        Assert.Equal(("Changed", "TV Channel - Animation"), (c1["trending_type"], c1["previous"]));
        Assert.Null(rows[1]["most_search"]);   // content only
        Assert.Null(rows[2]["content_month"]); // search only
        Assert.Equal((7L, "a"), (rows[3]["truyen_hinh"], rows[3]["most_search"])); // no map: contract = user_id
    }

    [Fact]
    public void The_trend_is_the_latest_consecutive_month_pair_even_when_the_latest_search_month_has_no_predecessor()
    {
        var tops = new[]
        {
            Top(202209, "U1", "bóng đá", "Sports"), Top(202206, "U1", "vtv3", "TV Channel"), Top(202207, "U1", "vtv3 hd", "TV Channel"),
            Top(202207, "U2", "doraemon", "Animation"),
        };
        var trend = TrendBuilder.Build(tops).Single();
        var rows = Rows(Customer360Builder.Build([], Search(tops), []));

        Assert.Equal((202209, "bóng đá"), (rows[0]["search_month"], rows[0]["most_search"]));
        Assert.Equal((trend.MonthFrom, trend.MonthTo, trend.GenreFrom, trend.GenreTo, trend.TrendingType, trend.Previous),
            (rows[0]["trend_month_from"], rows[0]["trend_month_to"], rows[0]["category_from"], rows[0]["category_to"], rows[0]["trending_type"], rows[0]["previous"]));
        Assert.Equal((202206, "Unchanged"), (rows[0]["trend_month_from"], rows[0]["trending_type"]));
        Assert.Null(rows[1]["trend_month_from"]); // one month only: no trend
        Assert.Null(rows[1]["previous"]);
    }

    [Fact]
    public void Folding_search_shard_by_shard_gives_the_same_view_and_refuses_a_user_split_across_shards()
    {
        var content = new[] { Profile(202204, "C1", 10), Profile(202204, "U2", 5) };
        var tops = new[]
        {
            Top(202206, "U1", "vtv3", "TV Channel"), Top(202207, "U1", "doraemon", "Animation"),
            Top(202206, "U2", "bóng đá", "Sports"), Top(202207, "U2", "bóng đá", "Sports"), Top(202207, "U3", "a", "Other"),
        };
        var folded = new Dictionary<string, LatestSearch>(StringComparer.Ordinal);
        LatestSearch.AddUsers(tops.Where(t => t.UserId == "U2").ToList(), folded);
        LatestSearch.AddUsers(tops.Where(t => t.UserId != "U2").ToList(), folded);

        var expected = Rows(Customer360Builder.Build(content, Search(tops), [new IdentityLink("C1", "U1")]));
        var actual = Rows(Customer360Builder.Build(content, folded, [new IdentityLink("C1", "U1")]));
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
        Assert.Throws<ArgumentException>(() => LatestSearch.AddUsers([Top(202208, "U1", "x", "Other")], folded));
    }
}
