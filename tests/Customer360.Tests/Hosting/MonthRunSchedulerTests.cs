using Customer360.Domain.Hosting;

namespace Customer360.Tests.Hosting;

public class MonthRunSchedulerTests
{
    [Theory]
    [InlineData("content/20220401.json", 202204)]
    [InlineData("content/20220430.json.gz", 202204)]
    [InlineData("search/20220601/part-0.parquet", 202206)]
    [InlineData("search/20220715.parquet", 202207)]
    public void Months_of_dropped_logs(string name, int month) => Assert.Equal(month, MonthRunScheduler.MonthOf(name));

    [Theory]
    [InlineData("content/x/20220401.json")]
    [InlineData("content/readme.txt")]
    [InlineData("search/20220601/a/b.parquet")]
    [InlineData("_c360/work/partials/content/v1/x")]
    public void Other_blobs_start_nothing(string name) => Assert.Null(MonthRunScheduler.MonthOf(name));

    [Theory]
    [InlineData(MonthRunState.None, MonthRunState.None, "month-202204")]          // first drop of the month
    [InlineData(MonthRunState.Pending, MonthRunState.None, null)]                 // 29 more drops: the pending run sees them
    [InlineData(MonthRunState.Running, MonthRunState.None, "month-202204-next")]  // a drop during the run: queue a follow-up
    [InlineData(MonthRunState.Running, MonthRunState.Pending, null)]              // …only one
    [InlineData(MonthRunState.Finished, MonthRunState.None, "month-202204")]      // a late or duplicate drop: rerun (partials reused)
    [InlineData(MonthRunState.Finished, MonthRunState.Finished, "month-202204")]
    [InlineData(MonthRunState.None, MonthRunState.Pending, null)]
    public void A_month_of_drops_gives_few_runs(MonthRunState current, MonthRunState next, string? expected) =>
        Assert.Equal(expected, MonthRunScheduler.InstanceToStart(202204, current, next));
}
