using System.Collections.Concurrent;

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

    private static readonly ConcurrentDictionary<(string From, string To), string> Transitions = new();

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
                trend.Add(Of(from, target));
            }
        }
        return trend;
    }

    /// <summary>The trend row of one user's top keywords in two consecutive months.</summary>
    private static TrendRow Of(TopKeywordRow from, TopKeywordRow to) => new(from.Month, to.Month, from.UserId, from.MostSearch, from.Category,
        to.MostSearch, to.Category, TrendingType(from.Category, to.Category), Previous(from.Category, to.Category));

    public static string TrendingType(string categoryFrom, string categoryTo) => categoryFrom == categoryTo ? Unchanged : Changed;

    /// <summary><c>Unchanged</c>, or "From - To": one string per distinct pair of the closed genre set, not one per row.</summary>
    public static string Previous(string categoryFrom, string categoryTo) =>
        categoryFrom == categoryTo ? Unchanged : Transitions.GetOrAdd((categoryFrom, categoryTo), static pair => $"{pair.From} - {pair.To}");

    /// <summary>The calendar month after a YYYYMM month.</summary>
    public static int NextMonth(int month) => month % 100 == 12 ? ((month / 100) + 1) * 100 + 1 : month + 1;
}
