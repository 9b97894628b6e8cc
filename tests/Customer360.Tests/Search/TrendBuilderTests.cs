using Customer360.Domain.Search;

namespace Customer360.Tests.Search;

/// <summary>The merge of consecutive months against the plain reading of the rule (a dictionary per month, users in ordinal order), in any row order.</summary>
public class TrendBuilderTests
{
    private static List<TrendRow> ByDictionaries(IReadOnlyCollection<TopKeywordRow> rows)
    {
        var byMonth = rows.GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.UserId, StringComparer.Ordinal));
        var trend = new List<TrendRow>();
        foreach (var month in byMonth.Keys.Order())
        {
            if (!byMonth.TryGetValue(TrendBuilder.NextMonth(month), out var to))
            {
                continue;
            }
            foreach (var (user, from) in byMonth[month].OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (to.TryGetValue(user, out var target))
                {
                    trend.Add(new TrendRow(from.Month, target.Month, user, from.MostSearch, from.Genre, target.MostSearch, target.Genre,
                        TrendBuilder.TrendingType(from.Genre, target.Genre), TrendBuilder.Previous(from.Genre, target.Genre)));
                }
            }
        }
        return trend;
    }

    [Fact]
    public void Agrees_with_the_plain_reading_in_table_order_and_shuffled()
    {
        var rng = new Random(3);
        string[] genres = ["Drama", "C Drama", "Sports", "Other"];
        int[] months = [202111, 202112, 202201, 202203, 202204];
        var rows = new List<TopKeywordRow>();
        foreach (var month in months)
        {
            foreach (var user in Enumerable.Range(0, 400).Where(_ => rng.Next(3) > 0).Select(u => u % 7 == 0 ? $"u{u}é" : $"U{u}"))
            {
                var genre = genres[rng.Next(genres.Length)];
                rows.Add(new TopKeywordRow(month, user, "k" + genre, rng.Next(1, 9), genre, "rules"));
            }
        }
        rows.Sort(TopKeywordRow.Order);
        var expected = ByDictionaries(rows);
        Assert.True(expected.Count > 300 && expected.Any(t => t.TrendingType == TrendBuilder.Changed) && expected.Any(t => t.TrendingType == TrendBuilder.Unchanged));
        Assert.Equal(expected, TrendBuilder.Build(rows));
        var shuffled = rows.OrderBy(_ => rng.Next()).ToList();
        Assert.Equal(expected, TrendBuilder.Build(shuffled));
    }

    [Fact]
    public void A_user_with_two_rows_in_a_month_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TrendBuilder.Build(
        [
            new TopKeywordRow(202206, "U1", "a", 1, "Drama", "rules"),
            new TopKeywordRow(202206, "U1", "b", 1, "Drama", "rules"),
        ]));
    }
}
