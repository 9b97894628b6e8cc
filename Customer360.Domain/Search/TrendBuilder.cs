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
        // Each month's rows by user (ordinal), then a merge of consecutive months: linear for rows already in
        // table order (a load's are), no dictionary of users per month.
        var byMonth = new SortedDictionary<int, List<TopKeywordRow>>();
        foreach (var row in rows)
        {
            if (!byMonth.TryGetValue(row.Month, out var month))
            {
                byMonth[row.Month] = month = [];
            }
            month.Add(row);
        }
        foreach (var (month, users) in byMonth)
        {
            if (!IsByUser(users))
            {
                users.Sort(static (a, b) => string.CompareOrdinal(a.UserId, b.UserId));
            }
            for (int i = 1; i < users.Count; i++)
            {
                if (users[i].UserId == users[i - 1].UserId)
                {
                    throw new ArgumentException($"User '{users[i].UserId}' has two top keywords in month {month}.", nameof(rows));
                }
            }
        }
        var trend = new List<TrendRow>();
        foreach (var (month, from) in byMonth)
        {
            if (!byMonth.TryGetValue(NextMonth(month), out var to))
            {
                continue;
            }
            for (int i = 0, j = 0; i < from.Count && j < to.Count;)
            {
                int c = string.CompareOrdinal(from[i].UserId, to[j].UserId);
                if (c == 0)
                {
                    trend.Add(Of(from[i++], to[j++]));
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

    private static bool IsByUser(List<TopKeywordRow> rows)
    {
        for (int i = 1; i < rows.Count; i++)
        {
            if (string.CompareOrdinal(rows[i - 1].UserId, rows[i].UserId) > 0)
            {
                return false;
            }
        }
        return true;
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
