using Customer360.Domain.Customers;
using Customer360.Domain.Search;

namespace Customer360.Tests.Customers;

/// <summary>Each user's latest search by the month-run merge, against the plain reading of the rule, in any row order and with gaps between months.</summary>
public class LatestSearchTests
{
    private static readonly int[] Months = [202211, 202212, 202301, 202303, 202304];
    private static readonly string[] Genres = ["Drama", "Music", "News"];

    private static LatestSearch Plain(IReadOnlyList<TopKeywordRow> userRows)
    {
        var ordered = userRows.OrderBy(r => r.Month).ToList();
        var latest = ordered[^1];
        var pair = Enumerable.Range(1, ordered.Count - 1).Reverse()
            .Where(i => TrendBuilder.NextMonth(ordered[i - 1].Month) == ordered[i].Month)
            .Select(i => (From: ordered[i - 1], To: ordered[i])).Cast<(TopKeywordRow From, TopKeywordRow To)?>().FirstOrDefault();
        return new LatestSearch(latest.Month, latest.MostSearch, latest.Genre, latest.GenreSource,
            pair?.From.Month, pair?.To.Month, pair?.From.Genre, pair?.To.Genre);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AddUsers_matches_the_rule_for_rows_in_table_order_and_shuffled(int seed)
    {
        var rng = new Random(seed);
        var rows = new List<TopKeywordRow>();
        foreach (var month in Months)
        {
            for (int u = 0; u < 200; u++)
            {
                if (rng.Next(3) > 0)
                {
                    var genre = Genres[rng.Next(Genres.Length)];
                    rows.Add(new TopKeywordRow(month, "U" + u, "k" + genre, rng.Next(1, 9), genre, "rules"));
                }
            }
        }
        var expected = rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => Plain(g.ToList()));

        var inTableOrder = rows.OrderBy(r => r.Month).ThenBy(r => r.UserId, StringComparer.Ordinal).ToList();
        var shuffled = rows.OrderBy(_ => rng.Next()).ToList();
        foreach (var input in new[] { inTableOrder, shuffled })
        {
            var users = new Dictionary<string, LatestSearch>(StringComparer.Ordinal);
            LatestSearch.AddUsers(input, users);
            Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), users.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
    }
}
