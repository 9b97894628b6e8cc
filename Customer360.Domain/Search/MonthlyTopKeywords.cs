namespace Customer360.Domain.Search;

/// <summary>
/// Top-keyword rows in table order (<see cref="TopKeywordRow.Order"/>: month, then user), seen as one run of rows per
/// month, each run sorted by user. What the trend and each user's latest search merge over: linear in the rows,
/// with no copy and no regrouping of rows that come in table order (a load's do).
/// </summary>
public sealed class MonthlyTopKeywords
{
    private MonthlyTopKeywords(IReadOnlyList<TopKeywordRow> rows, List<MonthRun> months)
    {
        Rows = rows;
        Months = months;
    }

    /// <summary>The rows, in table order.</summary>
    public IReadOnlyList<TopKeywordRow> Rows { get; }

    /// <summary>The rows of each month present, months ascending: <c>Rows[Start..End]</c>.</summary>
    public IReadOnlyList<MonthRun> Months { get; }

    /// <summary>The rows as they are when in table order, else a sorted copy.</summary>
    /// <exception cref="ArgumentException">A user has two rows in one month.</exception>
    public static MonthlyTopKeywords Of(IReadOnlyCollection<TopKeywordRow> rows)
    {
        if (rows is IReadOnlyList<TopKeywordRow> list && MonthRuns(list) is { } months)
        {
            return new MonthlyTopKeywords(list, months);
        }
        var sorted = rows.ToArray();
        Array.Sort(sorted, TopKeywordRow.Order);
        return new MonthlyTopKeywords(sorted, MonthRuns(sorted)!);
    }

    /// <summary>The month runs of rows in table order; null when the rows are not in it.</summary>
    private static List<MonthRun>? MonthRuns(IReadOnlyList<TopKeywordRow> rows)
    {
        var months = new List<MonthRun>();
        int start = 0;
        for (int i = 1; i <= rows.Count; i++)
        {
            if (i < rows.Count)
            {
                int order = TopKeywordRow.Order(rows[i - 1], rows[i]);
                if (order == 0)
                {
                    throw new ArgumentException($"User '{rows[i].UserId}' has two top keywords in month {rows[i].Month}.", nameof(rows));
                }
                if (order > 0)
                {
                    return null;
                }
                if (rows[i].Month == rows[i - 1].Month)
                {
                    continue;
                }
            }
            months.Add(new MonthRun(rows[start].Month, start, i));
            start = i;
        }
        return months;
    }
}
