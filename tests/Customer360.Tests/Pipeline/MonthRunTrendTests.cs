using Customer360.Cli;
using Customer360.Domain.Reporting;
using Customer360.Domain.Search;
using Customer360.Domain.Tables;
using Customer360.Tests.Classification;
using Customer360.Tests.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Pipeline;

/// <summary>
/// A run restricted to months computes the trend into each of them (DESIGN §4 Trend): a run of July reads June's
/// search logs too, writes the June → July pair and July's top keywords, and leaves June's own files alone.
/// </summary>
public class MonthRunTrendTests
{
    // Hand-computed, with the offline rules (CountingClassifier):
    //   June: U1 vtv3 ×2 (TV Channel) over doraemon ×1; U2 phim truyện ×2 (Drama); U3 running man (Reality Show).
    //   July: U1 doraemon (Animation); U2 phim truyện (Drama); U4 vtv3 (TV Channel).
    private static readonly string[][] JuneToJuly =
    [
        ["202206", "202207", "U1", "vtv3", "TV Channel", "doraemon", "Animation", "Changed", "TV Channel - Animation"],
        ["202206", "202207", "U2", "phim truyện", "Drama", "phim truyện", "Drama", "Unchanged", "Unchanged"],
    ];

    private static async Task WriteJuneAsync(string search)
    {
        await SearchParquet.WriteAsync(Path.Combine(search, "20220601", "part-0.parquet"), [("U1", "vtv3"), ("U1", "VTV3 "), ("U1", "doraemon"), ("U2", "phim truyện"), ("U3", "running man")]);
        await SearchParquet.WriteAsync(Path.Combine(search, "20220602.parquet"), [("U2", "phim  truyện")]);
    }

    private static Task WriteJulyAsync(string search) =>
        SearchParquet.WriteAsync(Path.Combine(search, "20220715.parquet"), [("U1", "doraemon"), ("U2", "phim truyện"), ("U4", "vtv3")]);

    private static async Task<RunReport> RunAsync(string search, string output, CountingClassifier classifier, params int[] months) =>
        (await LocalPipelineRunner.RunAsync(new LocalRunOptions
        {
            SearchDirectory = search,
            OutputDirectory = output,
            Months = months,
            Settings = new() { Shards = 3 },
            Parallelism = 2,
            ClassifierOverride = classifier,
        }, NullLoggerFactory.Instance, null, CancellationToken.None)).Report;

    [Fact]
    public async Task A_run_of_July_after_June_writes_the_June_to_July_trend_and_Julys_top_keywords_and_leaves_June_alone()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await WriteJuneAsync(search);
        await WriteJulyAsync(search);

        // The reference: one run of both months.
        var both = temp.Sub("both");
        await RunAsync(search, both, new CountingClassifier());
        Assert.Equal(JuneToJuly, OutputFiles.ReadCsvRows(both, SearchTables.Trend));

        // The operator's sequence: June's run, then July's.
        var output = temp.Sub("out");
        await RunAsync(search, output, new CountingClassifier(), 202206);
        Assert.False(Directory.Exists(Path.Combine(output, SearchTables.Trend)));
        var june = Snapshot(output, SearchTables.TopKeyword, 202206);

        var july = new CountingClassifier();
        var report = await RunAsync(search, output, july, 202207);

        Assert.Equal(JuneToJuly, OutputFiles.ReadCsvRows(output, SearchTables.Trend));
        Assert.Equal(File.ReadAllBytes(OutputFiles.Csv(both, SearchTables.Trend, 202207)), File.ReadAllBytes(OutputFiles.Csv(output, SearchTables.Trend, 202207)));
        Assert.Equal(File.ReadAllBytes(OutputFiles.Parquet(both, SearchTables.Trend, 202207)), File.ReadAllBytes(OutputFiles.Parquet(output, SearchTables.Trend, 202207)));
        Assert.Equal(
        [
            ["202206", "U1", "vtv3", "2", "TV Channel", "llm"],
            ["202206", "U2", "phim truyện", "2", "Drama", "llm"],
            ["202206", "U3", "running man", "1", "Reality Show", "llm"],
            // July's run: doraemon is new; phim truyện and vtv3 were classified by June's run.
            ["202207", "U1", "doraemon", "1", "Animation", "llm"],
            ["202207", "U2", "phim truyện", "1", "Drama", "cache"],
            ["202207", "U4", "vtv3", "1", "TV Channel", "cache"],
        ], OutputFiles.ReadCsvRows(output, SearchTables.TopKeyword));
        // June's top keywords were read for the trend, not rewritten: same bytes, same write times.
        Assert.Equal(june, Snapshot(output, SearchTables.TopKeyword, 202206));
        Assert.Equal(["202207"], report.Tables.Single(t => t.Name == SearchTables.TopKeyword).Outputs.Select(MonthOfOutput).Distinct());

        // June's partials were reused, and only the one keyword no run had seen was classified.
        Assert.Equal((3, 2), (report.Search.Files, report.Search.FilesReused));
        Assert.Equal((1, 1), (july.Batches, july.Keywords));
        Assert.Equal((4, 3), (report.Classification.DistinctKeywords, report.Classification.CacheHits));

        // The run's keywords: July's top keywords and the June end of each pair (U3's running man is in neither).
        Assert.Equal(
        [
            ["doraemon", "Animation", "llm", "counting-test"],
            ["phim truyện", "Drama", "cache", "counting-test"],
            ["vtv3", "TV Channel", "cache", "counting-test"],
        ], OutputFiles.ReadCsvRows(output, SearchTables.KeywordCategory));

        // The customer view: July's users with their June → July pair; U3, seen only in June, is not part of July's run.
        var customers = OutputFiles.ReadCsvRows(output, "customer_360");
        Assert.Equal(["U1", "U2", "U4"], customers.Select(r => r[1]));
        var header = File.ReadLines(OutputFiles.Csv(output, "customer_360")).First().Split(',');
        string Cell(string user, string column) => customers.Single(r => r[1] == user)[Array.IndexOf(header, column)];
        Assert.Equal(("202207", "202206", "Changed", "TV Channel - Animation"), (Cell("U1", "search_month"), Cell("U1", "trend_month_from"), Cell("U1", "trending_type"), Cell("U1", "previous")));
        Assert.Equal(("202207", ""), (Cell("U4", "search_month"), Cell("U4", "trend_month_from")));

        // The report's figures are those of the rows written: July's genres, one month pair.
        var figures = report.Tables.Single(t => t.Name == SearchTables.TopKeyword).Figures!.Search!;
        Assert.Equal([202207], figures.Months.Select(m => m.Month));
    }

    [Fact]
    public async Task A_rerun_of_July_reuses_every_partial_and_sends_no_classification_request()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await WriteJuneAsync(search);
        await WriteJulyAsync(search);
        var output = temp.Sub("out");
        // July first, June never run on its own: June's keywords get classified (and cached) by July's run.
        var first = new CountingClassifier();
        await RunAsync(search, output, first, 202207);
        Assert.Equal((1, 4), (first.Batches, first.Keywords));
        Assert.Equal(JuneToJuly, OutputFiles.ReadCsvRows(output, SearchTables.Trend));
        Assert.False(Directory.Exists(Path.Combine(output, SearchTables.TopKeyword, "month=202206")));

        var again = new CountingClassifier();
        var report = await RunAsync(search, output, again, 202207);
        Assert.Equal(0, again.Batches);
        Assert.Equal((0, 4), (report.Classification.Requests, report.Classification.CacheHits));
        Assert.Equal((3, 3), (report.Search.Files, report.Search.FilesReused));
        Assert.Equal(JuneToJuly, OutputFiles.ReadCsvRows(output, SearchTables.Trend));
    }

    [Fact]
    public async Task A_run_of_June_with_no_May_gives_no_trend_and_does_not_read_July()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await WriteJuneAsync(search);
        await WriteJulyAsync(search);
        var output = temp.Sub("out");
        var report = await RunAsync(search, output, new CountingClassifier(), 202206);

        Assert.False(Directory.Exists(Path.Combine(output, SearchTables.Trend)));
        Assert.Equal(0, report.Tables.Single(t => t.Name == SearchTables.Trend).Rows);
        Assert.Equal(["202206", "202206", "202206"], OutputFiles.ReadCsvRows(output, SearchTables.TopKeyword).Select(r => r[0]));
        Assert.Equal(2, report.Search.Files);
    }

    [Fact]
    public async Task A_month_after_a_gap_gives_no_trend_and_does_not_read_the_month_before_the_gap()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await WriteJuneAsync(search);
        await SearchParquet.WriteAsync(Path.Combine(search, "20220810.parquet"), [("U1", "doraemon"), ("U2", "bóng đá")]);
        var output = temp.Sub("out");
        var report = await RunAsync(search, output, new CountingClassifier(), 202208);

        Assert.False(Directory.Exists(Path.Combine(output, SearchTables.Trend)));
        Assert.Equal(
        [
            ["202208", "U1", "doraemon", "1", "Animation", "llm"],
            ["202208", "U2", "bóng đá", "1", "Sports", "llm"],
        ], OutputFiles.ReadCsvRows(output, SearchTables.TopKeyword));
        Assert.Equal(1, report.Search.Files);
    }

    [Fact]
    public async Task A_run_of_two_months_writes_the_pair_into_each_of_them_and_nothing_of_the_month_before()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await SearchParquet.WriteAsync(Path.Combine(search, "20220520.parquet"), [("U1", "running man"), ("U3", "running man")]);
        await WriteJuneAsync(search);
        await WriteJulyAsync(search);
        var output = temp.Sub("out");
        await RunAsync(search, output, new CountingClassifier(), 202206, 202207);

        Assert.Equal(
        [
            ["202205", "202206", "U1", "running man", "Reality Show", "vtv3", "TV Channel", "Changed", "Reality Show - TV Channel"],
            ["202205", "202206", "U3", "running man", "Reality Show", "running man", "Reality Show", "Unchanged", "Unchanged"],
            .. JuneToJuly,
        ], OutputFiles.ReadCsvRows(output, SearchTables.Trend));
        Assert.Equal(["month=202206", "month=202207"], Directory.EnumerateDirectories(Path.Combine(output, SearchTables.TopKeyword)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_month_with_no_search_logs_of_its_own_does_not_read_the_month_before()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await WriteJuneAsync(search);
        var output = temp.Sub("out");
        var report = await RunAsync(search, output, new CountingClassifier(), 202207);

        Assert.Equal(0, report.Search.Files);
        Assert.DoesNotContain(report.Tables, t => t.Name == SearchTables.KeywordCategory);
        Assert.False(Directory.Exists(Path.Combine(output, SearchTables.TopKeyword)));
    }

    private static string MonthOfOutput(string output) => output.Split('/')[1]["month=".Length..];

    /// <summary>Every file of one month's partition: bytes and last write time.</summary>
    private static SortedDictionary<string, string> Snapshot(string output, string table, int month)
    {
        var files = Directory.EnumerateFiles(Path.Combine(output, OutputLayout.Folder(table, month))).ToList();
        Assert.Equal(2, files.Count);
        return new(files.ToDictionary(f => f, f => $"{Convert.ToHexString(File.ReadAllBytes(f))}@{File.GetLastWriteTimeUtc(f).Ticks}"), StringComparer.Ordinal);
    }
}
