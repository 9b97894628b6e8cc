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

    /// <summary>The trend rows, in table order (month pair, then user). Linear for rows already in table order (a load's are).</summary>
    /// <exception cref="ArgumentException">A user has two rows in one month.</exception>
    public static List<TrendRow> Build(IReadOnlyCollection<TopKeywordRow> rows)
    {
        var monthly = MonthlyTopKeywords.Of(rows);
        var (ordered, months) = (monthly.Rows, monthly.Months);
        // At most one row per user of the smaller month of each pair: sized once, not grown by doubling (at full scale
        // the doublings were 120 MB of large-object garbage, BENCHMARKS.md).
        int capacity = 0;
        for (int m = 1; m < months.Count; m++)
        {
            if (NextMonth(months[m - 1].Month) == months[m].Month)
            {
                capacity += Math.Min(months[m - 1].End - months[m - 1].Start, months[m].End - months[m].Start);
            }
        }
        var trend = new List<TrendRow>(capacity);
        for (int m = 1; m < months.Count; m++)
        {
            var (from, to) = (months[m - 1], months[m]);
            if (NextMonth(from.Month) != to.Month)
            {
                continue;
            }
            // Both months' rows are sorted by user: a merge finds the users in both.
            for (int i = from.Start, j = to.Start; i < from.End && j < to.End;)
            {
                int c = string.CompareOrdinal(ordered[i].UserId, ordered[j].UserId);
                if (c == 0)
                {
                    trend.Add(Of(ordered[i++], ordered[j++]));
                }
                else if (c < 0)
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }
        }
        return trend;
    }

    /// <summary>The trend row of one user's top keywords in two consecutive months.</summary>
    private static TrendRow Of(TopKeywordRow from, TopKeywordRow to) => new(from.Month, to.Month, from.UserId, from.MostSearch, from.Genre,
        to.MostSearch, to.Genre, TrendingType(from.Genre, to.Genre), Previous(from.Genre, to.Genre));

    public static string TrendingType(string genreFrom, string genreTo) => genreFrom == genreTo ? Unchanged : Changed;

    /// <summary><c>Unchanged</c>, or "From - To": one string per distinct pair of the closed genre set, not one per row.</summary>
    public static string Previous(string genreFrom, string genreTo) =>
        genreFrom == genreTo ? Unchanged : Transitions.GetOrAdd((genreFrom, genreTo), static pair => $"{pair.From} - {pair.To}");

    /// <summary>The calendar month after a YYYYMM month.</summary>
    public static int NextMonth(int month) => month % 100 == 12 ? ((month / 100) + 1) * 100 + 1 : month + 1;
}
