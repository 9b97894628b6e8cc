using System.Text.RegularExpressions;
using Customer360.Cli;
using Customer360.Cli.Commands;
using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Customer360.Tests.Cli;
using Customer360.Tests.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Outputs;

/// <summary>A run's own files (run report, report.html) and its scratch: the report needs no file tables, and the scratch is gone after the run.</summary>
[Collection(ConsoleTests.Name)]
public partial class RunFolderTests
{
    private const string Valid = """{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":7200}}""";

    [Fact]
    public async Task The_report_is_built_from_the_run_report_even_when_no_file_sink_ran()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Valid, """{"_source":{"Contract":"C2","AppName":"SPORT","TotalDuration":3600}}"""]);
        var output = temp.Sub("out");
        // The harness writes tables only to a capturing sink (as a MySQL-only host would): no CSV exists.
        var (context, sink) = PipelineHarness.CreateContext(new PipelineHarness.Sources(content, null), output, parallelism: 2);
        using (context)
        {
            await PipelineFlow.RunAsync(context, new PipelineRequest(context.InstanceId, Shards: 2));
        }
        Assert.Empty(OutputFiles.CsvFiles(output, ContentProfileTable.Name));
        Assert.Equal(2, sink.Tables[ContentProfileTable.Name].RowCount);
        var html = await File.ReadAllTextAsync(Path.Combine(output, OutputLayout.RunFile(context.InstanceId, OutputLayout.HtmlReport)));
        Assert.Equal("2", Figure(html, "contracts"));
        Assert.Equal("2", Figure(html, "watch-hours:Phim Truyện"));
        Assert.Equal("1", Figure(html, "watch-hours:Thể Thao"));
    }

    [Fact]
    public async Task After_a_run_its_scratch_is_gone_and_the_partials_stay()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Valid]);
        var search = temp.Sub("search");
        await Search.SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [("U1", "vtv3"), ("U2", "doraemon")]);
        var output = temp.Sub("out");
        var options = new LocalRunOptions { ContentDirectory = content, SearchDirectory = search, OutputDirectory = output, Settings = new() { Shards = 2, BatchSize = 1 } };
        var (result, _) = await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);

        var work = new LocalFolderStore(options.ResolvedWorkDirectory);
        Assert.Empty(await ListAsync(work, "runs/"));
        Assert.False(Directory.Exists(Path.Combine(options.ResolvedWorkDirectory, "runs", result.RunId)));
        Assert.NotEmpty(await ListAsync(work, "partials/"));
    }

    [Fact]
    public async Task Report_command_rebuilds_the_page_from_a_run_folder_or_the_latest_run_of_an_output_folder()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Valid]);
        var output = temp.Sub("out");
        var (_, first) = await LocalPipelineRunner.RunAsync(new LocalRunOptions { ContentDirectory = content, OutputDirectory = output }, NullLoggerFactory.Instance, null, CancellationToken.None);
        File.AppendAllLines(Path.Combine(content, "20220401.json"), ["""{"_source":{"Contract":"C2","AppName":"VOD","TotalDuration":1}}"""]);
        File.SetLastWriteTimeUtc(Path.Combine(content, "20220401.json"), DateTime.UtcNow.AddMinutes(1));
        var (_, second) = await LocalPipelineRunner.RunAsync(new LocalRunOptions { ContentDirectory = content, OutputDirectory = output }, NullLoggerFactory.Instance, null, CancellationToken.None);
        Assert.NotEqual(first.RunId, second.RunId);
        File.SetLastWriteTimeUtc(Path.Combine(output, OutputLayout.RunFile(first.RunId, OutputLayout.RunReportJson)), DateTime.UtcNow.AddHours(-1));

        var latest = Path.Combine(temp.Path, "latest.html");
        Assert.Equal(ExitCodes.Success, await Program(["report", "--from", output, "--out", latest]));
        Assert.Equal("2", Figure(await File.ReadAllTextAsync(latest), "contracts"));

        var ofFirst = Path.Combine(temp.Path, "first.html");
        Assert.Equal(ExitCodes.Success, await Program(["report", "--from", Path.Combine(output, OutputLayout.RunFolder(first.RunId)), "--out", ofFirst]));
        Assert.Equal("1", Figure(await File.ReadAllTextAsync(ofFirst), "contracts"));

        Assert.Equal(ExitCodes.Failure, await Program(["report", "--from", content, "--out", Path.Combine(temp.Path, "none.html")]));
    }

    private static async Task<int> Program(string[] args)
    {
        var parse = new System.CommandLine.RootCommand { ReportCommand.Create() }.Parse(args);
        Assert.Empty(parse.Errors);
        return await parse.InvokeAsync();
    }

    private static async Task<List<string>> ListAsync(LocalFolderStore store, string prefix)
    {
        var names = new List<string>();
        await foreach (var item in store.ListAsync(prefix, CancellationToken.None))
        {
            names.Add(item.Name);
        }
        return names;
    }

    private static string Figure(string html, string key) =>
        FigurePattern().Matches(html).Single(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) == key).Groups[2].Value;

    [GeneratedRegex("data-figure=\"([^\"]*)\" data-value=\"([^\"]*)\"")]
    private static partial Regex FigurePattern();
}
