using Customer360.Domain.Activities;

namespace Customer360.Domain.Hosting;

/// <summary>
/// How the blob trigger turns a month's many file drops into few runs (DESIGN §5): each month has two
/// deterministic instance ids, <c>month-YYYYMM</c> and <c>month-YYYYMM-next</c>, started with a delay (the
/// quiet period) so later drops find a pending run that will see them. A drop while a run is already
/// running schedules the follow-up slot; a duplicate event finds a pending run and does nothing. Reruns
/// reuse the partials of unchanged files, so a file seen twice is never counted twice.
/// </summary>
public static class MonthRunScheduler
{
    public static string CurrentId(int month) => $"month-{month}";

    public static string NextId(int month) => $"month-{month}-next";

    /// <summary>The month of a dropped blob (<c>content/YYYYMMDD.json[.gz]</c>, <c>search/YYYYMMDD/*.parquet</c>, <c>search/YYYYMMDD.parquet</c>), or null.</summary>
    public static int? MonthOf(string blobName) => LogDropLayout.MonthOf(blobName);

    /// <summary>The instance id to start for a drop, or null when a pending run will already see the file.</summary>
    public static string? InstanceToStart(int month, MonthRunState current, MonthRunState next)
    {
        if (current == MonthRunState.Pending || next == MonthRunState.Pending)
        {
            return null;
        }
        if (current == MonthRunState.Running)
        {
            // The running run may have listed its files already: queue the follow-up (unless it is running too).
            return next == MonthRunState.Running ? null : NextId(month);
        }
        return CurrentId(month);
    }
}
