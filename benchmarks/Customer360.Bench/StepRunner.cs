using System.Diagnostics;
using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Customer360.Domain.WorkStore;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Customer360.Domain.Warehouse;

namespace Customer360.Bench;

/// <summary>What <c>bench step</c> runs: one step kind, over the dataset's folders and a work folder.</summary>
public sealed record StepRequest(string Kind, string Content, string? Search, string Work, string? File, int Shard, int Shards, string? MySql);

/// <summary>
/// One step of the flow alone in its process, for its peak memory: map one content or search file, reduce
/// one content or search shard, or one of the load steps. Whatever the step needs (earlier maps and reduces, the
/// search side's classification) is prepared first; then the kernel's high-water mark is reset, so the
/// peak printed afterwards is the measured step's alone.
/// </summary>
public static class StepRunner
{
    private const string RunId = "step";

    /// <summary>
    /// Runs the step; returns what it did, its own wall and CPU seconds (all threads of the process; steadier than
    /// wall seconds on a busy machine) and the resident MB it started from (preparation excluded).
    /// </summary>
    public static async Task<(string Summary, double Seconds, double CpuSeconds, double StartMegabytes)> RunAsync(StepRequest request)
    {
        var clock = Stopwatch.StartNew();
        double start = 0;
        var cpuAtStart = TimeSpan.Zero;
        var summary = await RunStepAsync(request, () =>
        {
            start = MemorySampler.ResetHighWater();
            cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
        });
        double seconds = clock.Elapsed.TotalSeconds;
        return (summary, seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds, start);
    }

    private static async Task<string> RunStepAsync(StepRequest request, Action startMeasuring)
    {
        var ct = CancellationToken.None;
        var environment = Environment(request);
        switch (request.Kind)
        {
            case "map":
                var path = Path.Combine(request.Content, request.File ?? throw new ArgumentException("--file is required for map"));
                var info = new FileInfo(path);
                var source = new SourceFile(request.File, info.Length, $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}");
                startMeasuring();
                var map = await new MapContentFileActivity(environment).RunAsync(new MapContentFileInput(source, request.Shards), ct);
                return $"{map.Stats.LinesRead:N0} lines, {map.Contracts:N0} contracts";
            case "reduce":
                var prefixes = await MapContentAsync(environment, request.Shards);
                startMeasuring();
                var reduced = await new ReduceContentShardActivity(environment).RunAsync(new ReduceContentShardInput(RunId, request.Shard, prefixes), ct);
                return $"shard {request.Shard}: {reduced.Rows:N0} rows from {prefixes.Count} partials";
            case "map-search":
                var searchPlan = await new PlanRunActivity(environment).RunAsync(new PlanInput(null, PipelineStreams.Search), ct);
                var day = searchPlan.SearchFiles.First(f => f.Name.StartsWith(request.File ?? throw new ArgumentException("--file is required for map-search"), StringComparison.Ordinal));
                startMeasuring();
                var searchMap = await new MapSearchFileActivity(environment).RunAsync(new MapSearchFileInput(day, request.Shards), ct);
                return $"{day.Name}: {searchMap.Stats.RowsRead:N0} rows, {searchMap.Users:N0} users";
            case "reduce-search":
                var searchPrefixes = await MapSearchAsync(environment, request.Shards);
                startMeasuring();
                var searchReduced = await new ReduceSearchShardActivity(environment).RunAsync(new ReduceSearchShardInput(RunId, request.Shard, searchPrefixes), ct);
                return $"search shard {request.Shard}: {searchReduced.Rows:N0} rows from {searchPrefixes.Count} partials";
            case "load-content":
                var contentShards = ContentShardResults(request);
                startMeasuring();
                return string.Join("; ", (await new LoadContentActivity(environment).RunAsync(new LoadContentInput(RunId, contentShards), ct)).Tables.Select(Describe));
            case "load-search":
                var search = await PrepareSearchAsync(environment, request.Shards);
                startMeasuring();
                return string.Join("; ", (await new LoadSearchActivity(environment).RunAsync(search, ct)).Tables.Select(Describe));
            case "load-customer-360":
                // The step reads what the loads hand over: run load-content (and load-search) first, each in its own process.
                var contentSide = Required(request, WorkNames.Customer360ContentSide(RunId), "load-content");
                var searchSide = request.Search is null ? null : Required(request, WorkNames.Customer360SearchSide(RunId), "load-search");
                startMeasuring();
                return Describe(await new LoadCustomer360Activity(environment).RunAsync(new LoadCustomer360Input(RunId, contentSide, searchSide, IdentityMap: null), ct));
            default:
                throw new ArgumentException($"Unknown step kind '{request.Kind}': map, reduce, map-search, reduce-search, load-content, load-search or load-customer-360.");
        }
    }

    /// <summary>Every day's content partial (made now when missing, else reused), as the reduce step's input.</summary>
    private static async Task<List<string>> MapContentAsync(PipelineEnvironment environment, int shards)
    {
        var plan = await new PlanRunActivity(environment).RunAsync(new PlanInput(null, PipelineStreams.Content), CancellationToken.None);
        var prefixes = new List<string>();
        foreach (var source in plan.ContentFiles)
        {
            prefixes.Add((await new MapContentFileActivity(environment).RunAsync(new MapContentFileInput(source, shards), CancellationToken.None)).PartialPrefix);
        }
        return prefixes;
    }

    /// <summary>Every search file's partial (made now when missing, else reused), as the search reduce step's input.</summary>
    private static async Task<List<string>> MapSearchAsync(PipelineEnvironment environment, int shards)
    {
        var plan = await new PlanRunActivity(environment).RunAsync(new PlanInput(null, PipelineStreams.Search), CancellationToken.None);
        var prefixes = new List<string>();
        foreach (var source in plan.SearchFiles)
        {
            prefixes.Add((await new MapSearchFileActivity(environment).RunAsync(new MapSearchFileInput(source, shards), CancellationToken.None)).PartialPrefix);
        }
        return prefixes;
    }

    /// <summary>The search side up to its load: map every file, reduce every shard, classify (offline rules).</summary>
    private static async Task<LoadSearchInput> PrepareSearchAsync(PipelineEnvironment environment, int shards)
    {
        var ct = CancellationToken.None;
        var prefixes = await MapSearchAsync(environment, shards);
        var results = new List<SearchShardResult>();
        for (int shard = 0; shard < shards; shard++)
        {
            results.Add(await new ReduceSearchShardActivity(environment).RunAsync(new ReduceSearchShardInput(RunId, shard, prefixes), ct));
        }
        var classification = await new PlanClassificationActivity(environment).RunAsync(new PlanClassificationInput(RunId, results.Select(r => r.KeywordsName).ToList(), 50), ct);
        var batches = new List<string>();
        for (int batch = 0; batch < classification.Batches; batch++)
        {
            batches.Add((await new ClassifyBatchActivity(environment).RunAsync(new ClassifyBatchInput(RunId, batch), ct)).ResultName);
        }
        return new LoadSearchInput(RunId, results.Select(r => r.ResultName).ToList(), classification.CachedName, batches);
    }

    /// <summary>A work object an earlier step kind wrote.</summary>
    private static string Required(StepRequest request, string name, string kind) =>
        File.Exists(Path.Combine(request.Work, name)) ? name : throw new InvalidOperationException($"Run step --kind {kind} first; missing: {name}");

    /// <summary>The shard results reduce steps wrote; every shard must have been reduced first.</summary>
    private static List<string> ContentShardResults(StepRequest request)
    {
        var names = Enumerable.Range(0, request.Shards).Select(s => WorkNames.ShardResult(RunId, WorkNames.ContentStream, s)).ToList();
        var missing = names.Where(n => !File.Exists(Path.Combine(request.Work, n))).ToList();
        return missing.Count == 0
            ? names
            : throw new InvalidOperationException($"Run step --kind reduce for every shard first; missing: {string.Join(", ", missing)}");
    }

    /// <summary>The bench's environment, with the tables written to <c>{work}/step-out</c> (and MySQL when given).</summary>
    private static PipelineEnvironment Environment(StepRequest request)
    {
        var bench = OurStages.Environment(request.Content, request.Search, request.Work);
        var output = new LocalFolderStore(Path.Combine(request.Work, "step-out"));
        List<ITableSink> sinks = [new FileTableSink(output)];
        if (request.MySql is not null)
        {
            sinks.Add(new MySqlTableSink(request.MySql));
        }
        return new PipelineEnvironment
        {
            Content = bench.Content,
            Search = bench.Search,
            KeywordCache = bench.KeywordCache,
            Work = bench.Work,
            Output = output,
            Sinks = sinks,
        };
    }

    private static string Describe(TableLoadResult loaded) => $"{loaded.Table}: {loaded.Rows:N0} rows";
}
