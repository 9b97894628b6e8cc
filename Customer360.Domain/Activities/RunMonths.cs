using Customer360.Domain.Search;

namespace Customer360.Domain.Activities;

/// <summary>
/// The one place that says which months a run reads and which rows it writes. A run covers every month found
/// (no months requested) or only the requested months (CLI <c>run --month</c>, the blob-triggered
/// <c>month-YYYYMM</c> runs, <c>POST /api/runs {"month":…}</c>). A run restricted to months
/// <list type="bullet">
/// <item>reads the content logs of its months;</item>
/// <item>reads the search logs of its months and of the calendar month before each one, when there are any, so
/// the trend pair (M-1 → M) of a requested month M is computed (DESIGN §4 Trend) — those partials are usually
/// cached from M-1's own run, so this costs a reduce over them, not a re-map;</item>
/// <item>writes only its months: <c>content_profile</c> and <c>search_top_keyword</c> rows of its months, and the
/// <c>search_trend</c> rows whose later month (<c>month_to</c>, the month a pair's files belong to) is one of
/// them. M-1's own top keywords are read for the trend and never rewritten, in files or in MySQL.</item>
/// </list>
/// So a run of months S writes exactly the rows that an all-months run over the same logs writes into S's partitions.
/// </summary>
public sealed class RunMonths
{
    private readonly HashSet<int>? _requested;

    /// <param name="requested">The requested months (YYYYMM); null or empty means every month found.</param>
    public RunMonths(IReadOnlyCollection<int>? requested)
    {
        _requested = requested is { Count: > 0 } ? [.. requested] : null;
    }

    /// <summary>True when the run is not restricted to months.</summary>
    public bool IsAll => _requested is null;

    /// <summary>Whether the run writes this month's rows (and so reads its content logs).</summary>
    public bool Writes(int month) => _requested is null || _requested.Contains(month);

    /// <summary>Of the months that have content logs, those the run reads: its own.</summary>
    public IReadOnlySet<int> ContentMonthsToRead(IEnumerable<int> found) => found.Where(Writes).ToHashSet();

    /// <summary>
    /// Of the months that have search logs, those the run reads: its own, and the month before one of its months
    /// that has search logs too (without month M's logs there is no (M-1 → M) pair, so M-1 would be read for nothing).
    /// </summary>
    public IReadOnlySet<int> SearchMonthsToRead(IEnumerable<int> found)
    {
        var present = found.ToHashSet();
        return present.Where(m => Writes(m) || (Writes(TrendBuilder.NextMonth(m)) && present.Contains(TrendBuilder.NextMonth(m)))).ToHashSet();
    }

    /// <summary>Whether the run writes this trend row: a pair belongs to its later month.</summary>
    public bool Writes(TrendRow row) => Writes(row.MonthTo);

    /// <summary>
    /// The rows of the run's months, plus the earlier-month rows that complete a written trend pair (a row of
    /// month M-1 whose user also has a row in a written month M), in the order given. What <c>customer_360</c>
    /// needs: each user's latest written month and latest written pair, and no user seen only in an earlier month
    /// the run read for the trend. Every row of a user must be in <paramref name="rows"/> (one search shard holds all of them).
    /// </summary>
    public IReadOnlyList<TopKeywordRow> WrittenWithTrendContext(IReadOnlyList<TopKeywordRow> rows)
    {
        if (_requested is null)
        {
            return rows;
        }
        var written = rows.Where(r => Writes(r.Month)).Select(r => (r.UserId, r.Month)).ToHashSet();
        return [.. rows.Where(r => Writes(r.Month) || written.Contains((r.UserId, TrendBuilder.NextMonth(r.Month))))];
    }
}
