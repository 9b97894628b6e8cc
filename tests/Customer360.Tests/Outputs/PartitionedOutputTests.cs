using System.Globalization;
using Customer360.Cli;
using Customer360.Domain.Content;
using Customer360.Domain.Reporting;
using Customer360.Domain.Search;
using Customer360.Domain.Tables;
using Customer360.Tests.Classification;
using Customer360.Tests.Search;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Outputs;

/// <summary>File outputs partitioned by month (DESIGN §4 Outputs): the layout, month isolation, and DuckDB reading a table as one dataset.</summary>
public class PartitionedOutputTests
{
    private static string Rec(string contract, string app, long duration) =>
        $"{{\"_source\":{{\"Contract\":\"{contract}\",\"AppName\":\"{app}\",\"TotalDuration\":{duration}}}}}";

    private static async Task<(string Content, string Search)> WriteInputsAsync(TempFolder temp)
    {
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Rec("C1", "CHANNEL", 100), Rec("C2", "VOD", 7)]);
        File.WriteAllLines(Path.Combine(content, "20220502.json"), [Rec("C1", "SPORT", 30), Rec("C3", "CHILD", 5)]);
        var search = temp.Sub("search");
        await SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [("U1", "vtv3"), ("U2", "doraemon")]);
        await SearchParquet.WriteAsync(Path.Combine(search, "20220701.parquet"), [("U1", "bóng đá"), ("U2", "doraemon"), ("U3", "running man")]);
        return (content, search);
    }

    private static Task<(Domain.Flow.PipelineResult Result, RunReport Report)> RunAsync(string content, string search, string output, IReadOnlyList<int>? months = null) =>
        LocalPipelineRunner.RunAsync(new LocalRunOptions
        {
            ContentDirectory = content,
            SearchDirectory = search,
            OutputDirectory = output,
            Months = months,
            Settings = new() { Shards = 3 },
            Parallelism = 2,
            ClassifierOverride = new CountingClassifier(),
        }, NullLoggerFactory.Instance, null, CancellationToken.None);

    [Fact]
    public async Task Monthly_tables_get_one_folder_per_month_each_with_the_full_header_and_only_its_rows()
    {
        using var temp = new TempFolder();
        var (content, search) = await WriteInputsAsync(temp);
        var output = temp.Sub("out");
        var (_, report) = await RunAsync(content, search, output);

        Assert.Equal(["month=202204", "month=202205"], Partitions(output, ContentProfileTable.Name));
        Assert.Equal(["month=202206", "month=202207"], Partitions(output, SearchTables.TopKeyword));
        // A month pair belongs to its later month.
        Assert.Equal(["month=202207"], Partitions(output, SearchTables.Trend));
        foreach (var month in new[] { 202204, 202205 })
        {
            var lines = File.ReadAllLines(OutputFiles.Csv(output, ContentProfileTable.Name, month));
            Assert.Equal(string.Join(',', ContentProfileTable.ColumnNames), lines[0]);
            Assert.All(lines.Skip(1), l => Assert.StartsWith(month.ToString(CultureInfo.InvariantCulture) + ",", l, StringComparison.Ordinal));
            Assert.True(File.Exists(OutputFiles.Parquet(output, ContentProfileTable.Name, month)));
        }
        Assert.Equal(2, File.ReadAllLines(OutputFiles.Csv(output, ContentProfileTable.Name, 202204)).Length - 1);
        Assert.Equal(string.Join(',', SearchTables.TrendColumns), File.ReadLines(OutputFiles.Csv(output, SearchTables.Trend, 202207)).First());

        // Tables that are not monthly: one folder, no partitions.
        Assert.True(File.Exists(OutputFiles.Csv(output, SearchTables.KeywordCategory)));
        Assert.True(File.Exists(OutputFiles.Parquet(output, "customer_360")));
        Assert.Empty(Partitions(output, "customer_360"));

        // The run's own files are in its run folder, and the report lists every file written.
        foreach (var name in new[] { OutputLayout.RunReportJson, OutputLayout.RunReportText, OutputLayout.HtmlReport })
        {
            Assert.True(File.Exists(Path.Combine(output, OutputLayout.RunFile(report.RunId, name))), name);
        }
        Assert.Equal(
            ["content_profile/month=202204/content_profile.csv", "content_profile/month=202204/content_profile.parquet",
             "content_profile/month=202205/content_profile.csv", "content_profile/month=202205/content_profile.parquet"],
            report.Tables.Single(t => t.Name == ContentProfileTable.Name).Outputs);
    }

    [Fact]
    public async Task A_run_of_one_month_never_touches_another_months_files()
    {
        using var temp = new TempFolder();
        var (content, search) = await WriteInputsAsync(temp);
        var output = temp.Sub("out");
        await RunAsync(content, search, output);
        var april = Snapshot(output, 202204);
        var julySearch = Snapshot(output, 202207, SearchTables.TopKeyword);
        var julyTrend = Snapshot(output, 202207, SearchTables.Trend);
        var mayBefore = File.ReadAllBytes(OutputFiles.Csv(output, ContentProfileTable.Name, 202205));

        // April's input changes, but only May is run (and only June of search): April's files stay exactly as they were.
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Rec("C9", "RELAX", 1)]);
        File.WriteAllLines(Path.Combine(content, "20220503.json"), [Rec("C4", "RELAX", 2)]);
        await RunAsync(content, search, output, months: [202205, 202206]);

        Assert.Equal(april, Snapshot(output, 202204));
        Assert.NotEqual(mayBefore, File.ReadAllBytes(OutputFiles.Csv(output, ContentProfileTable.Name, 202205)));
        Assert.Contains(",C4,", File.ReadAllText(OutputFiles.Csv(output, ContentProfileTable.Name, 202205)), StringComparison.Ordinal);
        Assert.DoesNotContain(OutputFiles.ReadContentProfile(output), r => r.Contract == "C9");
        // July's search partition and the June → July trend were not part of the run either.
        Assert.Equal(julySearch, Snapshot(output, 202207, SearchTables.TopKeyword));
        Assert.Equal(julyTrend, Snapshot(output, 202207, SearchTables.Trend));
    }

    [Fact]
    public async Task DuckDB_reads_each_table_as_one_dataset_with_hive_partitioning()
    {
        using var temp = new TempFolder();
        var (content, search) = await WriteInputsAsync(temp);
        var output = temp.Sub("out");
        await RunAsync(content, search, output);
        var expected = OutputFiles.ReadContentProfile(output);

        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        foreach (var format in new[] { "read_parquet", "read_csv" })
        {
            var extension = format == "read_parquet" ? OutputLayout.ParquetExtension : OutputLayout.CsvExtension;
            // The README's one-liner, verbatim apart from the folder.
            var glob = $"{output}/content_profile/*/*{extension}".Replace("'", "''", StringComparison.Ordinal);
            var rows = Query(duck, $"SELECT month, contract, truyen_hinh, the_thao FROM {format}('{glob}', hive_partitioning = true) ORDER BY month, contract");
            Assert.Equal(expected.Select(r => $"{r.Month}|{r.Contract}|{r.TruyenHinh}|{r.TheThao}"), rows);
            // The partition filter prunes folders, and the column keeps the file's type.
            Assert.Equal(["2"], Query(duck, $"SELECT count(*) FROM {format}('{glob}', hive_partitioning = true) WHERE month = 202205"));
        }
        // The trend: the partition column is its later month.
        var trend = $"{output}/search_trend/*/*.parquet".Replace("'", "''", StringComparison.Ordinal);
        Assert.Equal(["202206|202207|202207|U1", "202206|202207|202207|U2"],
            Query(duck, $"SELECT month_from, month_to, month, user_id FROM read_parquet('{trend}', hive_partitioning = true) ORDER BY user_id"));
    }

    private static List<string> Query(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    private static List<string> Partitions(string output, string table) =>
        Directory.Exists(Path.Combine(output, table))
            ? [.. Directory.EnumerateDirectories(Path.Combine(output, table)).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Every file of one month's partition: bytes and last write time.</summary>
    private static SortedDictionary<string, string> Snapshot(string output, int month, string table = ContentProfileTable.Name)
    {
        var folder = Path.Combine(output, OutputLayout.Folder(table, month));
        var files = Directory.EnumerateFiles(folder).ToList();
        Assert.Equal(2, files.Count);
        return new(files.ToDictionary(f => f, f => $"{Convert.ToHexString(File.ReadAllBytes(f))}@{File.GetLastWriteTimeUtc(f).Ticks}"), StringComparer.Ordinal);
    }
}
