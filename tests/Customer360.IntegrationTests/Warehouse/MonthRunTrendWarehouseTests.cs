using Customer360.Cli;
using Customer360.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.IntegrationTests.Warehouse;

/// <summary>
/// A month run on a real MariaDB: July's run, after June's, loads the June → July trend (as a run of both months
/// does) and July's top keywords, and leaves June's rows exactly as June's run loaded them.
/// </summary>
public class MonthRunTrendWarehouseTests
{
    private const string TopColumns = "month, user_id, most_search, search_count, category, category_source";
    private const string TopColumnsWithoutSource = "month, user_id, most_search, search_count, category";
    private const string TrendColumns = "month_from, month_to, user_id, most_search_from, category_from, most_search_to, category_to, trending_type, previous";

    private static async Task<Domain.Reporting.RunReport> RunAsync(TestDatabase db, string search, string output, params int[] months) =>
        (await LocalPipelineRunner.RunAsync(new LocalRunOptions
        {
            SearchDirectory = search,
            OutputDirectory = output,
            Months = months,
            Settings = new() { MySqlConnectionString = db.ConnectionString },
            ClassifierOverride = new CountingClassifier(),
        }, NullLoggerFactory.Instance, null, CancellationToken.None)).Report;

    [Fact]
    public async Task A_run_of_July_after_June_loads_the_June_to_July_trend_and_leaves_Junes_rows_untouched()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var reference = await TestDatabase.CreateAsync();
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        new SearchLogGenerator(3, 200).Write(search, parallelism: 2);

        await RunAsync(reference, search, temp.Sub("both"));
        long pairs = await reference.ScalarAsync<long>("SELECT COUNT(*) FROM search_trend WHERE month_from = 202206 AND month_to = 202207");
        Assert.True(pairs > 0, "the generated months share users");

        var output = temp.Sub("out");
        await RunAsync(db, search, output, 202206);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM search_trend"));
        long juneRows = await db.ScalarAsync<long>("SELECT COUNT(*) FROM search_top_keyword WHERE month = 202206");
        long june = await db.ChecksumAsync("search_top_keyword", TopColumns, "month = 202206");
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM search_top_keyword WHERE month = 202206 AND category_source = 'cache'"));

        await RunAsync(db, search, output, 202207);

        // June: not reloaded (a reload would have turned every category_source into 'cache').
        Assert.Equal(juneRows, await db.ScalarAsync<long>("SELECT COUNT(*) FROM search_top_keyword WHERE month = 202206"));
        Assert.Equal(june, await db.ChecksumAsync("search_top_keyword", TopColumns, "month = 202206"));
        // The trend and July's rows are those of the run of both months.
        Assert.Equal(pairs, await db.ScalarAsync<long>("SELECT COUNT(*) FROM search_trend"));
        Assert.Equal(await reference.ChecksumAsync("search_trend", TrendColumns, "1=1"), await db.ChecksumAsync("search_trend", TrendColumns, "1=1"));
        Assert.Equal(await reference.ScalarAsync<long>("SELECT COUNT(*) FROM search_top_keyword WHERE month = 202207"),
            await db.ScalarAsync<long>("SELECT COUNT(*) FROM search_top_keyword WHERE month = 202207"));
        Assert.Equal(await reference.ChecksumAsync("search_top_keyword", TopColumnsWithoutSource, "month = 202207"),
            await db.ChecksumAsync("search_top_keyword", TopColumnsWithoutSource, "month = 202207"));

        // A rerun of July replaces its pair exactly: no duplicates, June still untouched.
        await RunAsync(db, search, output, 202207);
        Assert.Equal(pairs, await db.ScalarAsync<long>("SELECT COUNT(*) FROM search_trend"));
        Assert.Equal(june, await db.ChecksumAsync("search_top_keyword", TopColumns, "month = 202206"));
    }
}
