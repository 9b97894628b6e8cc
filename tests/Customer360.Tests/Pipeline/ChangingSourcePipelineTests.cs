using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using Customer360.Domain.Tables;
using Customer360.Tests.Search;

namespace Customer360.Tests.Pipeline;

/// <summary>
/// Source files that change under a run, between planning and mapping: the file is reported, the rest of
/// the month is processed, no partial holds a version the plan did not list, and a rerun reads what is there.
/// </summary>
public class ChangingSourcePipelineTests
{
    private static string Rec(string contract, string app, long duration) =>
        $"{{\"_source\":{{\"Contract\":\"{contract}\",\"AppName\":\"{app}\",\"TotalDuration\":{duration}}}}}";

    private static (Dictionary<string, OutputTable> Tables, RunReport Report, bool InputErrors) Run(PipelineHarness.Sources sources, string output, Action<RunPlan>? afterPlan = null)
    {
        var (context, sink) = PipelineHarness.CreateContext(sources, output, parallelism: 2, afterPlan: afterPlan);
        PipelineResult result;
        using (context)
        {
            result = PipelineFlow.RunAsync(context, new PipelineRequest(context.InstanceId, 4, ClassifyBatchSize: 3, ClassifyParallelism: 2)).GetAwaiter().GetResult();
        }
        var report = JsonSerializer.Deserialize<RunReport>(File.ReadAllText(Path.Combine(output, result.ReportName)), FlowJson.Options)!;
        return (sink.Tables, report, result.InputErrors);
    }

    private static List<string> Column(OutputTable table, string column) =>
        [.. Enumerable.Range(0, table.RowCount).Select(r => table[column].GetValue(r)?.ToString() ?? "").Order(StringComparer.Ordinal)];

    private static List<string> Contracts(Dictionary<string, OutputTable> tables) => Column(tables["content_profile"], "contract");

    private static string WriteMonth(TempFolder temp)
    {
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Rec("A1", "VOD", 10)]);
        File.WriteAllLines(Path.Combine(content, "20220402.json"), [Rec("B1", "VOD", 20)]);
        File.WriteAllLines(Path.Combine(content, "20220403.json"), [Rec("C1", "SPORT", 30)]);
        return content;
    }

    [Fact]
    public void A_content_file_that_disappears_after_planning_is_reported_and_the_rest_of_the_month_is_processed()
    {
        using var temp = new TempFolder();
        var content = WriteMonth(temp);
        var (tables, report, inputErrors) = Run(new(content, null), temp.Sub("out"), _ => File.Delete(Path.Combine(content, "20220402.json")));

        Assert.True(inputErrors);
        Assert.Equal(RunReport.CompletedWithInputErrors, report.Status);
        var error = Assert.Single(report.Content.FileErrors);
        Assert.Equal("20220402.json", error.File);
        Assert.Contains("disappeared after the run was planned", error.Error, StringComparison.Ordinal);
        Assert.Equal(["A1", "C1"], Contracts(tables));

        // The next run plans without it, and is clean.
        (tables, report, inputErrors) = Run(new(content, null), temp.Sub("out2"));
        Assert.False(inputErrors);
        Assert.Equal(["A1", "C1"], Contracts(tables));
    }

    [Fact]
    public void A_content_file_replaced_after_planning_is_not_read_and_a_rerun_reads_the_new_version()
    {
        using var temp = new TempFolder();
        var content = WriteMonth(temp);
        var output = temp.Sub("out");
        var path = Path.Combine(content, "20220402.json");
        var (tables, report, inputErrors) = Run(new(content, null), output, _ =>
        {
            File.WriteAllLines(path, [Rec("B2", "VOD", 99), Rec("B3", "VOD", 1)]);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        });

        Assert.True(inputErrors);
        var error = Assert.Single(report.Content.FileErrors);
        Assert.Equal("20220402.json", error.File);
        Assert.Contains("was replaced after the run was planned", error.Error, StringComparison.Ordinal);
        Assert.Equal(["A1", "C1"], Contracts(tables)); // neither the planned version (B1) nor the new one (B2, B3)

        // Same work folder: the rerun maps the new version (nothing of the failed attempt was committed).
        (tables, report, inputErrors) = Run(new(content, null), output);
        Assert.False(inputErrors);
        Assert.Equal(2, report.Content.FilesReused);
        Assert.Equal(["A1", "B2", "B3", "C1"], Contracts(tables));
    }

    [Fact]
    public async Task A_search_file_that_disappears_after_planning_is_reported_and_the_other_files_are_read()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await SearchParquet.WriteAsync(Path.Combine(search, "20220601", "part-0.parquet"), [("U1", "doraemon")]);
        await SearchParquet.WriteAsync(Path.Combine(search, "20220602", "part-0.parquet"), [("U2", "vtv3")]);
        var (tables, report, inputErrors) = Run(new(null, search), temp.Sub("out"), _ => File.Delete(Path.Combine(search, "20220602", "part-0.parquet")));

        Assert.True(inputErrors);
        var error = Assert.Single(report.Search.FileErrors);
        Assert.Equal("20220602/part-0.parquet", error.File);
        Assert.Contains("disappeared", error.Error, StringComparison.Ordinal);
        Assert.Equal(["U1"], Column(tables["search_top_keyword"], "user_id"));
    }
}
