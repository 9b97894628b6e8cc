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
    /// Linear for rows in table order (a load's are): a merge of the months' runs, each sorted by user.
    /// </summary>
    public static void AddUsers(IReadOnlyCollection<TopKeywordRow> rows, Dictionary<string, LatestSearch> users)
    {
        var monthly = MonthlyTopKeywords.Of(rows);
        var (ordered, months) = (monthly.Rows, monthly.Months);
        var next = months.Select(m => m.Start).ToArray();
        users.EnsureCapacity(users.Count + months.Select(m => m.End - m.Start).DefaultIfEmpty().Max());
        while (true)
        {
            // The ordinal-smallest user not yet taken; its rows are the heads of the months that have it.
            string? user = null;
            for (int m = 0; m < months.Count; m++)
            {
                if (next[m] < months[m].End && (user is null || string.CompareOrdinal(ordered[next[m]].UserId, user) < 0))
                {
                    user = ordered[next[m]].UserId;
                }
            }
            if (user is null)
            {
                return;
            }
            // The user's months ascending: the last is the latest, the last calendar-consecutive two the latest pair.
            int latest = -1, pairFrom = -1, pairTo = -1;
            for (int m = 0; m < months.Count; m++)
            {
                if (next[m] < months[m].End && ordered[next[m]].UserId == user)
                {
                    int row = next[m]++;
                    if (latest >= 0 && TrendBuilder.NextMonth(ordered[latest].Month) == ordered[row].Month)
                    {
                        (pairFrom, pairTo) = (latest, row);
                    }
                    latest = row;
                }
            }
            var top = ordered[latest];
            // Add, not set: a user met in two calls would mean shards that do not partition users.
            users.Add(user, pairFrom < 0
                ? new LatestSearch(top.Month, top.MostSearch, top.Genre, top.GenreSource, null, null, null, null)
                : new LatestSearch(top.Month, top.MostSearch, top.Genre, top.GenreSource,
                    ordered[pairFrom].Month, ordered[pairTo].Month, ordered[pairFrom].Genre, ordered[pairTo].Genre));
        }
    }
}
