using Customer360.Cli;
using Customer360.Domain.Activities;
using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Customer360.Domain.WorkStore;
using Customer360.Tests.Classification;
using Customer360.Tests.WorkStore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Pipeline;

/// <summary>
/// The identity map is a step of the flow (the in-process host here; the Durable engine in the Functions tests):
/// with a map, <c>customer_360</c> joins a contract's content with its user's search; a missing or malformed map
/// stops the run before any map step, naming the setting and the line. And the run's scratch is gone after the run.
/// </summary>
public class IdentityMapPipelineTests
{
    private const string Setting = "C360_IDENTITY_MAP";

    private sealed record Run(PipelineEnvironment Environment, RecordingStore Work, PipelineHarness.CapturingSink Sink);

    private static async Task<Run> CreateAsync(TempFolder temp, string? mapCsv, string mapName = "identity_map.csv")
    {
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"),
        [
            """{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":10}}""",
            """{"_source":{"Contract":"C2","AppName":"SPORT","TotalDuration":5}}""",
        ]);
        var search = temp.Sub("search");
        await Search.SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [("U1", "vtv3"), ("U1", "vtv3"), ("U2", "doraemon")]);
        var maps = temp.Sub("maps");
        if (mapCsv is not null)
        {
            File.WriteAllText(Path.Combine(maps, mapName), mapCsv);
        }
        var sink = new PipelineHarness.CapturingSink();
        var work = new RecordingStore(new LocalFolderStore(temp.Sub("work")));
        var environment = new PipelineEnvironment
        {
            Content = new SourceLocation(new LocalFolderStore(content), ""),
            Search = new SourceLocation(new LocalFolderStore(search), ""),
            Work = work,
            Output = new LocalFolderStore(temp.Sub("out")),
            Sinks = [sink],
            KeywordCache = new InMemoryKeywordCache(),
            IdentityMap = new IdentityMapSource(new LocalFolderStore(maps), "identity_map.csv", Setting),
        };
        return new Run(environment, work, sink);
    }

    private static async Task<PipelineResult> RunFlowAsync(Run run, string runId)
    {
        using var context = new InProcessFlowContext(runId, new ActivityCatalog(run.Environment), 2, NullLoggerFactory.Instance);
        return await PipelineFlow.RunAsync(context, new PipelineRequest(runId, Shards: 2));
    }

    private static List<Dictionary<string, object?>> Rows(OutputTable table) =>
        Enumerable.Range(0, table.RowCount).Select(i => table.Columns.ToDictionary(c => c.Name, c => c.GetValue(i))).ToList();

    private static async Task<int> CountAsync(RecordingStore store, string prefix)
    {
        int n = 0;
        await foreach (var _ in store.ListAsync(prefix, CancellationToken.None))
        {
            n++;
        }
        return n;
    }

    [Fact]
    public async Task With_an_identity_map_customer_360_joins_a_contracts_content_with_its_users_search_and_the_scratch_is_gone_after()
    {
        using var temp = new TempFolder();
        var run = await CreateAsync(temp, "contract,user_id\nC1,U1\n");

        await RunFlowAsync(run, "identity-run");

        var rows = Rows(run.Sink.Tables[Customer360Builder.TableName]);
        Assert.Equal(["C1/U1", "C2/C2", "U2/U2"], rows.Select(r => $"{r["contract"]}/{r["user_id"]}"));
        Assert.Equal((202204, 202206, "vtv3"), (rows[0]["content_month"], rows[0]["search_month"], rows[0]["most_search"]));
        Assert.Null(rows[1]["search_month"]);
        Assert.Null(rows[2]["content_month"]);

        // The run used its scratch (shard results, keyword lists, batches, hand-offs, the map) and its last step removed it all.
        var scratch = WorkNames.RunScratch("identity-run");
        Assert.Contains(WorkNames.IdentityMap("identity-run"), run.Work.Writes);
        Assert.Contains(WorkNames.ShardKeywords("identity-run", 0), run.Work.Writes);
        Assert.True(run.Work.Writes.Count(w => w.StartsWith(scratch, StringComparison.Ordinal)) > 10);
        Assert.Equal(0, await CountAsync(run.Work, "runs/"));
        Assert.True(await CountAsync(run.Work, "partials/") > 0, "partials stay for reuse");
    }

    [Fact]
    public async Task Without_a_map_a_contract_is_its_own_user()
    {
        using var temp = new TempFolder();
        var run = await CreateAsync(temp, null);
        run = run with { Environment = new PipelineEnvironment
        {
            Content = run.Environment.Content, Search = run.Environment.Search, Work = run.Work, Output = run.Environment.Output,
            Sinks = run.Environment.Sinks, KeywordCache = run.Environment.KeywordCache,
        } };

        await RunFlowAsync(run, "no-map");

        Assert.Equal(["C1/C1", "C2/C2", "U1/U1", "U2/U2"], Rows(run.Sink.Tables[Customer360Builder.TableName]).Select(r => $"{r["contract"]}/{r["user_id"]}"));
        Assert.Equal(0, await CountAsync(run.Work, "runs/"));
    }

    [Fact]
    public async Task A_malformed_map_stops_the_run_before_any_map_step_with_its_line_number()
    {
        using var temp = new TempFolder();
        var run = await CreateAsync(temp, "contract,user_id\nC1,U1\nC2,\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunFlowAsync(run, "bad-map"));

        Assert.Contains($"{Setting}: 'identity_map.csv' in ", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3 has an empty user_id", error.Message, StringComparison.Ordinal);
        Assert.Empty(run.Sink.Tables);
        Assert.DoesNotContain(run.Work.Writes, w => w.StartsWith("partials/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_map_file_in_the_cli_names_the_flag_and_the_setting()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), ["""{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":10}}"""]);
        var missing = Path.Combine(temp.Path, "nowhere.csv");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => LocalPipelineRunner.RunAsync(new LocalRunOptions
        {
            ContentDirectory = content,
            OutputDirectory = temp.Sub("out"),
            Settings = new PipelineSettings { IdentityMap = missing },
            KeywordCacheOverride = new InMemoryKeywordCache(),
        }, NullLoggerFactory.Instance, null, CancellationToken.None));

        Assert.StartsWith($"--identity-map ({Setting}): there is no 'nowhere.csv' in {temp.Path}", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(OutputFiles.Csv(temp.Sub("out"), "content_profile", 202204)));
    }
}
