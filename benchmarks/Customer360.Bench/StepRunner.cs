using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Customer360.Domain.Warehouse;

namespace Customer360.Bench;

/// <summary>
/// One step alone in its process, for per-step peak memory: map one content file, reduce one shard,
/// or one of the content load steps over every shard's result (files, and MySQL when given).
/// </summary>
public static class StepRunner
{
    private const string RunId = "step";

    public static async Task<string> RunAsync(string kind, string content, string work, string? file, int shard, int shards, string? mysql)
    {
        var environment = OurStages.Environment(content, null, work);
        switch (kind)
        {
            case "map":
                var path = Path.Combine(content, file ?? throw new ArgumentException("--file is required for map"));
                var info = new FileInfo(path);
                var result = await new MapContentFileActivity(environment).RunAsync(
                    new MapContentFileInput(new SourceFile(file, info.Length, $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}"), shards), CancellationToken.None);
                return $"{result.Stats.LinesRead:N0} lines, {result.Contracts:N0} contracts";
            case "reduce":
                var plan = await new PlanRunActivity(environment).RunAsync(new PlanInput(null, PipelineStreams.Content), CancellationToken.None);
                var prefixes = new List<string>();
                foreach (var source in plan.ContentFiles)
                {
                    // Reuses each day's partial when step --kind map (or an earlier reduce) already made it.
                    var map = await new MapContentFileActivity(environment).RunAsync(new MapContentFileInput(source, shards), CancellationToken.None);
                    prefixes.Add(map.PartialPrefix);
                }
                var reduced = await new ReduceContentShardActivity(environment).RunAsync(new ReduceContentShardInput(RunId, shard, prefixes), CancellationToken.None);
                return $"shard {shard}: {reduced.Rows:N0} rows from {prefixes.Count} partials";
            case "load-content":
            case "load-customer-360":
                var loading = WithSinks(environment, work, mysql);
                var results = ShardResults(work, shards);
                var loaded = kind == "load-content"
                    ? await new LoadContentActivity(loading).RunAsync(new LoadContentInput(RunId, results), CancellationToken.None)
                    : await new LoadCustomer360Activity(loading).RunAsync(new LoadCustomer360Input(RunId, results, Search: null), CancellationToken.None);
                return $"{loaded.Table}: {loaded.Rows:N0} rows to {string.Join(", ", loaded.Outputs)}{(mysql is null ? "" : " and MySQL")}";
            default:
                throw new ArgumentException($"Unknown step kind '{kind}': map, reduce, load-content or load-customer-360.");
        }
    }

    /// <summary>The shard results reduce steps wrote; every shard must have been reduced first.</summary>
    private static List<string> ShardResults(string work, int shards)
    {
        var names = Enumerable.Range(0, shards).Select(s => ReduceContentShardActivity.ResultName(RunId, s)).ToList();
        var missing = names.Where(n => !File.Exists(Path.Combine(work, n))).ToList();
        return missing.Count == 0
            ? names
            : throw new InvalidOperationException($"Run step --kind reduce for every shard first; missing: {string.Join(", ", missing)}");
    }

    private static PipelineEnvironment WithSinks(PipelineEnvironment environment, string work, string? mysql)
    {
        var output = new LocalFolderStore(Path.Combine(work, "step-out"));
        List<ITableSink> sinks = [new FileTableSink(output)];
        if (mysql is not null)
        {
            sinks.Add(new MySqlTableSink(mysql));
        }
        return new PipelineEnvironment
        {
            Content = environment.Content,
            KeywordCache = environment.KeywordCache,
            Work = environment.Work,
            Output = output,
            Sinks = sinks,
        };
    }
}
