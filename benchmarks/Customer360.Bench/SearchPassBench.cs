using System.Diagnostics;
using System.Globalization;
using Customer360.Domain.Activities;
using Customer360.Domain.Classification;
using Customer360.Domain.Flow;
using Customer360.Domain.Search;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Customer360.Domain.WorkStore;

namespace Customer360.Bench;

/// <summary>
/// The search side's steps, each several times in one thread of one process after a warm-up (so the JIT is
/// done), printing wall and CPU seconds per pass: <c>map</c> (one day into a fresh work folder), <c>reduce</c>
/// (shard 0 over every day's partial), <c>classify</c> (the offline rules over every distinct top keyword),
/// <c>load</c> (the search tables as CSV + Parquet). For comparing builds, not engines.
/// </summary>
public static class SearchPassBench
{
    private const string RunId = "passes";

    public static async Task RunAsync(string search, string work, string what, int passes, int shards)
    {
        var inv = CultureInfo.InvariantCulture;
        var ct = CancellationToken.None;
        var environment = OurStages.Environment(null, search, work);
        var plan = await new PlanRunActivity(environment).RunAsync(new PlanInput(null, PipelineStreams.Search), ct);
        // Everything but the measured step is prepared once (maps and reduces are reused when present).
        var prefixes = new List<string>();
        foreach (var file in plan.SearchFiles)
        {
            prefixes.Add((await new MapSearchFileActivity(environment).RunAsync(new MapSearchFileInput(file, shards), ct)).PartialPrefix);
        }
        var results = new List<SearchShardResult>();
        for (int shard = 0; shard < (what is "classify" or "load" ? shards : 0); shard++)
        {
            results.Add(await new ReduceSearchShardActivity(environment).RunAsync(new ReduceSearchShardInput(RunId, shard, prefixes), ct));
        }
        var keywords = await new ShardResultStore(environment.Work).ReadDistinctKeywordsAsync(results.Select(r => r.KeywordsName), ct);
        LoadSearchInput? load = null;
        if (what == "load")
        {
            var classification = await new PlanClassificationActivity(environment).RunAsync(new PlanClassificationInput(RunId, results.Select(r => r.KeywordsName).ToList(), 50), ct);
            var batches = new List<string>();
            for (int batch = 0; batch < classification.Batches; batch++)
            {
                batches.Add((await new ClassifyBatchActivity(environment).RunAsync(new ClassifyBatchInput(RunId, batch), ct)).ResultName);
            }
            load = new LoadSearchInput(RunId, results.Select(r => r.ResultName).ToList(), classification.CachedName, batches);
        }

        var output = Path.Combine(work, "passes-out");
        var loadEnvironment = new PipelineEnvironment
        {
            Search = environment.Search,
            KeywordCache = environment.KeywordCache,
            Work = environment.Work,
            Output = new LocalFolderStore(output),
            Sinks = [new FileTableSink(new LocalFolderStore(output))],
        };
        var cpus = new List<double>();
        for (int pass = 0; pass <= passes; pass++)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            string done;
            switch (what)
            {
                case "map":
                    var folder = Path.Combine(work, "passes-map");
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                    var fresh = OurStages.Environment(null, search, folder);
                    var mapped = await new MapSearchFileActivity(fresh).RunAsync(new MapSearchFileInput(plan.SearchFiles[^1], shards), ct);
                    done = $"{mapped.Stats.RowsRead:N0} rows, {mapped.Users:N0} users";
                    break;
                case "reduce":
                    var reduced = await new ReduceSearchShardActivity(environment).RunAsync(new ReduceSearchShardInput(RunId + "-r", 0, prefixes), ct);
                    done = $"{reduced.Rows:N0} rows";
                    break;
                case "classify":
                    var genres = new Dictionary<string, int>();
                    foreach (var keyword in keywords)
                    {
                        var genre = RuleBasedKeywordClassifier.Classify(keyword);
                        genres[genre] = genres.GetValueOrDefault(genre) + 1;
                    }
                    done = $"{keywords.Count:N0} keywords, {string.Join(' ', genres.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Value}"))}";
                    break;
                case "load":
                    var loaded = await new LoadSearchActivity(loadEnvironment).RunAsync(load!, ct);
                    done = string.Join(", ", loaded.Tables.Select(l => $"{l.Table} {l.Rows:N0}"));
                    break;
                default:
                    throw new ArgumentException($"Unknown step '{what}': map, reduce, classify or load.");
            }
            double used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(inv, $"  {(pass == 0 ? "warm-up" : $"pass {pass}")}: {clock.Elapsed.TotalSeconds:F3}s wall, {used:F3}s CPU; {done}"));
            if (pass > 0)
            {
                cpus.Add(used);
            }
        }
        cpus.Sort();
        Console.WriteLine(string.Create(inv, $"search {what}: median {cpus[cpus.Count / 2]:F3}s CPU over {passes} passes (load {File.ReadAllText("/proc/loadavg")[..14]})"));
    }
}
