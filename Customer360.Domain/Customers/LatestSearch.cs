using Customer360.Domain.Search;

namespace Customer360.Domain.Customers;

/// <summary>
/// A user's search side of <c>customer_360</c>: the latest month's top keyword and genre, and the latest
/// trend pair (the <c>search_trend</c> row with the greatest <c>month_to</c>), if any.
/// </summary>
public sealed record LatestSearch(int Month, string MostSearch, string Genre, string GenreSource,
    int? TrendMonthFrom, int? TrendMonthTo, string? GenreFrom, string? GenreTo)
{
    public string? TrendingType => GenreFrom is null ? null : TrendBuilder.TrendingType(GenreFrom, GenreTo!);

    public string? Previous => GenreFrom is null ? null : TrendBuilder.Previous(GenreFrom, GenreTo!);

    /// <summary>
    /// Adds the users of <paramref name="rows"/> to <paramref name="users"/>. Every row of a user must come in
    /// the same call — one search shard holds all of a user's months — so a load can fold shard by shard.
    /// </summary>
    public static void AddUsers(IReadOnlyCollection<TopKeywordRow> rows, Dictionary<string, LatestSearch> users)
    {
        var byUser = rows.ToArray();
        Array.Sort(byUser, static (a, b) =>
        {
            int c = string.CompareOrdinal(a.UserId, b.UserId);
            return c != 0 ? c : a.Month.CompareTo(b.Month);
        });
        for (int end = 0, start = 0; start < byUser.Length; start = end)
        {
            while (end < byUser.Length && byUser[end].UserId == byUser[start].UserId)
            {
                end++;
            }
            var latest = byUser[end - 1];
            int pair = end - 1;
            while (pair > start && TrendBuilder.NextMonth(byUser[pair - 1].Month) != byUser[pair].Month)
            {
                pair--;
            }
            var (from, to) = pair > start ? (byUser[pair - 1], byUser[pair]) : (null, null);
            // Add, not set: a user met in two calls would mean shards that do not partition users.
            users.Add(latest.UserId, new LatestSearch(latest.Month, latest.MostSearch, latest.Genre, latest.GenreSource,
                from?.Month, to?.Month, from?.Genre, to?.Genre));
        }
    }
}
