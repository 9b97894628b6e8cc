using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Customer360.Domain.Search;
using Customer360.Domain.Storage;
using Customer360.Tests.Classification;

namespace Customer360.Tests.Hosting;

/// <summary>The one rule for what a run restricted to months reads and writes (<see cref="RunMonths"/>).</summary>
public class RunMonthsTests
{
    [Theory]
    [InlineData(new[] { 202207 }, new[] { 202205, 202206, 202207, 202208 }, new[] { 202206, 202207 })]
    [InlineData(new[] { 202206 }, new[] { 202206, 202207 }, new[] { 202206 })]                       // no May: June alone
    [InlineData(new[] { 202208 }, new[] { 202206, 202208 }, new[] { 202208 })]                       // a gap: June is not read
    [InlineData(new[] { 202207 }, new[] { 202206 }, new int[0])]                                     // no July logs: no pair, June not read
    [InlineData(new[] { 202301 }, new[] { 202211, 202212, 202301 }, new[] { 202212, 202301 })]        // across the year
    [InlineData(new[] { 202206, 202208 }, new[] { 202205, 202206, 202207, 202208 }, new[] { 202205, 202206, 202207, 202208 })]
    [InlineData(new int[0], new[] { 202205, 202207 }, new[] { 202205, 202207 })]                     // not restricted: everything
    public void Search_months_read(int[] requested, int[] found, int[] read) =>
        Assert.Equal(read, new RunMonths(requested).SearchMonthsToRead(found).Order());

    [Fact]
    public void Content_months_read_are_the_requested_ones_only() =>
        Assert.Equal([202207], new RunMonths([202207]).ContentMonthsToRead([202206, 202207]).Order());

    [Fact]
    public void A_trend_pair_is_written_by_the_run_of_its_later_month()
    {
        var months = new RunMonths([202207]);
        Assert.True(months.Writes(Pair(202206, 202207)));
        Assert.False(months.Writes(Pair(202207, 202208)));
        Assert.False(months.Writes(202206));
        Assert.True(new RunMonths(null).Writes(Pair(202206, 202207)));
    }

    [Fact]
    public void The_customer_view_keeps_earlier_month_rows_only_where_they_complete_a_written_pair()
    {
        TopKeywordRow Top(int month, string user) => new(month, user, "k", 1, "Drama", "llm");
        var rows = new[] { Top(202206, "U1"), Top(202207, "U1"), Top(202206, "U3"), Top(202207, "U4"), Top(202205, "U1") };
        Assert.Equal([Top(202206, "U1"), Top(202207, "U1"), Top(202207, "U4")], new RunMonths([202207]).WrittenWithTrendContext(rows));
        Assert.Equal(rows, new RunMonths([]).WrittenWithTrendContext(rows));
    }

    [Fact]
    public async Task The_plan_lists_the_month_before_for_search_and_only_the_month_for_content()
    {
        using var temp = new TempFolder();
        var environment = await DropFolder.PlanningEnvironmentAsync(temp.Path, new[] { "content/20220630.json", "content/20220701.json", "search/20220630/part-0.parquet", "search/20220701.parquet", "search/20220801.parquet" });
        var plan = await new PlanRunActivity(environment).RunAsync(new PlanInput([202207], PipelineStreams.All), CancellationToken.None);
        Assert.Equal(["content/20220701.json"], plan.ContentFiles.Select(f => f.Name));
        Assert.Equal(["search/20220630/part-0.parquet", "search/20220701.parquet"], plan.SearchFiles.Select(f => f.Name));

        var contentOnly = await new PlanRunActivity(environment).RunAsync(new PlanInput([202207], PipelineStreams.Content), CancellationToken.None);
        Assert.Empty(contentOnly.SearchFiles);
    }

    private static TrendRow Pair(int from, int to) => new(from, to, "U1", "a", "Drama", "b", "Drama", TrendBuilder.Unchanged, TrendBuilder.Unchanged);
}
