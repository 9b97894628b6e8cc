namespace Customer360.Domain.Search;

/// <summary>
/// Month-over-month genre change (DESIGN §4): for each pair of calendar-consecutive months both present,
/// every user present in both. <c>Unchanged</c> when the genre is equal, else <c>Changed</c> with
/// <c>Previous</c> = "From - To".
/// </summary>
public static class TrendBuilder
{
    public const string Changed = "Changed";
    public const string Unchanged = "Unchanged";

    public static List<TrendRow> Build(IReadOnlyCollection<TopKeywordRow> rows)
    {
        var byMonth = rows.GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.UserId, StringComparer.Ordinal));
        var trend = new List<TrendRow>();
        foreach (var month in byMonth.Keys.Order())
        {
            int next = NextMonth(month);
            if (!byMonth.TryGetValue(next, out var to))
            {
                continue;
            }
            foreach (var (user, from) in byMonth[month].OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (!to.TryGetValue(user, out var target))
                {
                    continue;
                }
                bool same = from.Category == target.Category;
                trend.Add(new TrendRow(month, next, user, from.MostSearch, from.Category, target.MostSearch, target.Category,
                    same ? Unchanged : Changed, same ? Unchanged : $"{from.Category} - {target.Category}"));
            }
        }
        return trend;
    }

    /// <summary>The calendar month after a YYYYMM month.</summary>
    public static int NextMonth(int month) => month % 100 == 12 ? ((month / 100) + 1) * 100 + 1 : month + 1;
}
