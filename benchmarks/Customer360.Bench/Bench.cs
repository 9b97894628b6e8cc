using System.Diagnostics;
using System.Globalization;
using Customer360.Domain.Flow;
using DuckDB.NET.Data;

namespace Customer360.Bench;

/// <summary>
/// Runs each stage for our engine and its DuckDB peers: a warm-up each, then repetitions alternating the
/// order of the engines; prints medians, medians of the per-repetition ratios, and checks that every
/// peer's table agrees with ours.
/// </summary>
public static class Bench
{
    private sealed record Measurement(double Seconds, double PeakMegabytes, long InputRows, TableSummary Summary, IReadOnlyList<StageTiming> Stages);

    private sealed record Engine(string Name, Func<Task<Measurement>> Run);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        try
        {
            return await RunStagesAsync(options);
        }
        finally
        {
            // The last repetition's partials and outputs: GBs at bench scale, left behind by every run otherwise.
            DeleteWork();
        }
    }

    private static async Task<int> RunStagesAsync(BenchOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {Environment.OSVersion}; .NET {Environment.Version}"));
        Console.WriteLine(string.Create(inv, $"Data: {options.Folder}; repetitions: {options.Reps} (after 1 warm-up each), parallelism {options.Parallelism}, shards {options.Shards}"));
        Console.WriteLine($"Load average at start: {LoadAverage()}");
        using var duck = DuckDbStages.Open(options.Parallelism);
        int exit = 0;
        var table = new List<string>();
        var runStages = new List<string>();
        foreach (var stage in options.Stages)
        {
            var content = Path.Combine(options.Folder, "content");
            var search = Path.Combine(options.Folder, "search");
            var inputs = stage switch
            {
                "content" => [content],
                "search" => [search],
                "run" => new[] { content, search },
                _ => throw new ArgumentException($"Unknown stage '{stage}': content, search or run."),
            };
            long bytes = inputs.Sum(i => Directory.EnumerateFiles(i, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
            var (ours, peers) = Engines(stage, duck, content, search, options);
            var engines = new List<Engine>();
            if (options.RunOurs)
            {
                engines.Add(ours);
            }
            if (options.RunDuckDb)
            {
                engines.AddRange(peers);
            }

            foreach (var engine in engines)
            {
                await engine.Run(); // warm-up
            }
            var runs = engines.ToDictionary(e => e.Name, _ => new List<Measurement>());
            for (int r = 0; r < options.Reps; r++)
            {
                // Alternate the order, so neither engine always runs on a cache the other warmed.
                var order = r % 2 == 0 ? engines : Enumerable.Reverse(engines).ToList();
                foreach (var engine in order)
                {
                    runs[engine.Name].Add(await engine.Run());
                }
                Console.WriteLine(string.Create(inv, $"  {stage} rep {r + 1}: {string.Join(", ", engines.Select(e => $"{e.Name} {runs[e.Name][^1].Seconds:F2}s"))}  (load {LoadAverage()})"));
            }

            long rows = runs[engines[0].Name][^1].InputRows;
            foreach (var engine in engines)
            {
                var mine = runs[engine.Name];
                double median = Median(mine.Select(m => m.Seconds));
                string ratio = options.RunOurs && engine != ours
                    ? Median(runs[ours.Name].Zip(mine, (o, p) => o.Seconds / p.Seconds)).ToString("F2", inv)
                    : "";
                string throughput = rows > 0 ? (rows / median).ToString("N0", inv) : "";
                table.Add(string.Create(inv, $"| {stage} | {engine.Name} | {median:F2} | {throughput} | {bytes / median / 1e6:F0} | {mine.Max(m => m.PeakMegabytes):F0} | {ratio} |"));
            }
            var reference = runs[engines[0].Name][^1].Summary;
            foreach (var engine in engines.Skip(1))
            {
                var differences = TableSummary.Differences(reference, runs[engine.Name][^1].Summary);
                if (differences.Count > 0)
                {
                    Console.Error.WriteLine($"RESULTS DIFFER for {stage}: {engines[0].Name} vs {engine.Name}:");
                    differences.ToList().ForEach(d => Console.Error.WriteLine("  " + d));
                    exit = 1;
                }
                table.Add($"| {stage} | agree: {engine.Name} | {(differences.Count == 0 ? "yes" : "NO")} | | | | |");
            }
            table.Add($"| {stage} | result | {string.Join(", ", reference.Figures.Select(kv => string.Create(inv, $"{kv.Key}={kv.Value}")))} | | | | |");

            if (stage == "run" && options.RunOurs)
            {
                // The run report's own stage timings, median over the repetitions.
                var timings = runs[ours.Name].SelectMany(m => m.Stages).GroupBy(s => s.Stage);
                runStages.AddRange(timings.Select(g => string.Create(inv, $"| {g.Key} | {Median(g.Select(s => s.Seconds)):F2} |")));
            }
        }
        Console.WriteLine();
        if (runStages.Count > 0)
        {
            Console.WriteLine("| run: our stage (run report) | median s |");
            Console.WriteLine("|---|---|");
            runStages.ForEach(Console.WriteLine);
            Console.WriteLine();
        }
        Console.WriteLine($"Load average at end: {LoadAverage()}");
        Console.WriteLine("| stage | engine | median s | input rows/s | MB/s | peak MB | ours/engine (median of per-rep ratios) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        table.ForEach(Console.WriteLine);
        // Last, so a tail of the output (the test command's smoke step) shows the verdict.
        Console.WriteLine(exit == 0 ? "Every peer's table agrees with ours." : "RESULTS DIFFER (see above).");
        return exit;
    }

    /// <summary>Our engine for a stage, and the DuckDB peers doing the same work (the first is the one the targets are stated on).</summary>
    private static (Engine Ours, List<Engine> Peers) Engines(string stage, DuckDBConnection duck, string content, string search, BenchOptions options)
    {
        int shards = options.Shards, parallelism = options.Parallelism;
        switch (stage)
        {
            case "content":
                var contentPeers = new List<Engine> { new("duckdb read_json", () => Measure(() => DuckDbStages.Content(duck, content))) };
                if (options.Exact)
                {
                    contentPeers.Add(new("duckdb line-by-line (exact rules)", () => Measure(() => DuckDbStages.ContentExact(duck, content))));
                }
                return (new("ours", () => MeasureAsync(async () => await OurStages.ContentAsync(content, Work(), shards, parallelism))), contentPeers);
            case "search":
                return (new("ours", () => MeasureAsync(async () => await OurStages.SearchAsync(search, Work(), shards, parallelism))),
                        [new("duckdb", () => Measure(() => DuckDbStages.Search(duck, search)))]);
            default:
                return (
                    new("ours: run (both streams, offline classifier, files)", async () =>
                    {
                        using var sampler = new MemorySampler();
                        var clock = Stopwatch.StartNew();
                        var (summary, rows, stages) = await OurStages.RunAsync(content, search, Work(), shards, parallelism);
                        return new Measurement(clock.Elapsed.TotalSeconds, sampler.PeakMegabytes, rows, summary, stages);
                    }),
                    [
                        new("duckdb: both queries", () => Measure(() => BothQueries(duck, content, search, null))),
                        new("duckdb: both queries + CSV/Parquet files", () => Measure(() => BothQueries(duck, content, search, Path.Combine(Work(), "duck-out")))),
                    ]);
        }
    }

    private static TableSummary BothQueries(DuckDBConnection duck, string content, string search, string? writeTo)
    {
        var profile = DuckDbStages.Content(duck, content);
        var top = DuckDbStages.Search(duck, search);
        if (writeTo is not null)
        {
            DuckDbStages.WriteTables(duck, writeTo);
        }
        return new TableSummary(new Dictionary<string, long> { ["content_rows"] = profile.Figures["rows"], ["search_rows"] = top.Figures["rows"] });
    }

    private static Task<Measurement> Measure(Func<TableSummary> run) => MeasureAsync(() => Task.FromResult((run(), 0L)));

    private static async Task<Measurement> MeasureAsync(Func<Task<(TableSummary Summary, long InputRows)>> run)
    {
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var (summary, rows) = await run();
        clock.Stop();
        return new Measurement(clock.Elapsed.TotalSeconds, sampler.PeakMegabytes, rows, summary, []);
    }

    /// <summary>The 1, 5 and 15 minute load averages, as uptime shows them (the machine may be shared).</summary>
    private static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    // Per process: two benches at once must not delete each other's partials.
    private static string WorkFolder => Path.Combine(Path.GetTempPath(), $"c360-bench-work-{Environment.ProcessId}");

    /// <summary>A fresh work folder for one measurement.</summary>
    private static string Work()
    {
        DeleteWork();
        return WorkFolder;
    }

    private static void DeleteWork()
    {
        if (Directory.Exists(WorkFolder))
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
