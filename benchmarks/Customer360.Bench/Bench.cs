using System.Diagnostics;
using System.Globalization;

namespace Customer360.Bench;

/// <summary>Runs each stage for both engines: a warm-up each, then alternating A/B repetitions; prints medians and checks agreement.</summary>
public static class Bench
{
    private sealed record Measurement(double Seconds, double PeakMegabytes, long InputRows, TableSummary Summary);

    public static async Task<int> RunAsync(string folder, int reps, int parallelism, int shards, string[] stages, bool withReadJson, bool runOurs = true, bool runDuckDb = true)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {Environment.OSVersion}; .NET {Environment.Version}"));
        Console.WriteLine(string.Create(inv, $"Data: {folder}; repetitions: {reps} (after 1 warm-up each), parallelism {parallelism}, shards {shards}"));
        using var duck = DuckDbStages.Open(parallelism);
        int exit = 0;
        var table = new List<string>();
        foreach (var stage in stages)
        {
            var input = Path.Combine(folder, stage);
            long bytes = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Func<Task<Measurement>> ours = stage switch
            {
                "content" => () => MeasureAsync(async () => await OurStages.ContentAsync(input, Work(), shards, parallelism)),
                "search" => () => MeasureAsync(async () => await OurStages.SearchAsync(input, Work(), shards, parallelism)),
                _ => throw new ArgumentException($"Unknown stage {stage}"),
            };
            Func<Task<Measurement>> peer = stage switch
            {
                "content" => () => MeasureAsync(() => Task.FromResult((DuckDbStages.Content(duck, input), 0L))),
                _ => () => MeasureAsync(() => Task.FromResult((DuckDbStages.Search(duck, input), 0L))),
            };

            if (!runOurs || !runDuckDb)
            {
                // One engine alone (e.g. ours at full scale): timings and peak memory only, no ratio or agreement check.
                var engine = runOurs ? ours : peer;
                await engine();
                var runs = new List<Measurement>();
                for (int r = 0; r < reps; r++)
                {
                    runs.Add(await engine());
                    Console.WriteLine(string.Create(inv, $"  {stage} rep {r + 1}: {(runOurs ? "ours" : "duckdb")} {runs[^1].Seconds:F2}s"));
                }
                double alone = Median(runs.Select(m => m.Seconds));
                long inputRows = runs[^1].InputRows;
                table.Add(string.Create(inv, $"| {stage} | {(runOurs ? "ours" : "duckdb")} | {alone:F2} | {(inputRows > 0 ? (inputRows / alone).ToString("N0", inv) : "")} | {bytes / alone / 1e6:F0} | {runs.Max(m => m.PeakMegabytes):F0} | (one engine only) |"));
                table.Add(string.Create(inv, $"| {stage} | result | {string.Join(", ", runs[^1].Summary.Figures.Select(kv => $"{kv.Key}={kv.Value}"))} | | | | |"));
                continue;
            }

            await ours();
            await peer();
            var oursRuns = new List<Measurement>();
            var peerRuns = new List<Measurement>();
            for (int r = 0; r < reps; r++)
            {
                if (r % 2 == 0)
                {
                    oursRuns.Add(await ours());
                    peerRuns.Add(await peer());
                }
                else
                {
                    peerRuns.Add(await peer());
                    oursRuns.Add(await ours());
                }
                Console.WriteLine(string.Create(inv, $"  {stage} rep {r + 1}: ours {oursRuns[^1].Seconds:F2}s, duckdb {peerRuns[^1].Seconds:F2}s"));
            }

            if (withReadJson && stage == "content")
            {
                var readJson = new List<Measurement>();
                for (int r = 0; r < reps; r++)
                {
                    readJson.Add(await MeasureAsync(() => Task.FromResult((DuckDbStages.ContentReadJson(duck, input), 0L))));
                }
                double median = Median(readJson.Select(m => m.Seconds));
                var gap = TableSummary.Differences(oursRuns[^1].Summary, readJson[^1].Summary);
                table.Add(string.Create(inv, $"| {stage} | duckdb read_json (reference; differs on {gap.Count} figures) | {median:F2} | | {bytes / median / 1e6:F0} | {readJson.Max(m => m.PeakMegabytes):F0} | {Median(oursRuns.Select(m => m.Seconds)) / median:F2} |"));
            }

            var differences = TableSummary.Differences(oursRuns[^1].Summary, peerRuns[^1].Summary);
            if (differences.Count > 0)
            {
                Console.Error.WriteLine($"RESULTS DIFFER for {stage}:");
                foreach (var difference in differences)
                {
                    Console.Error.WriteLine("  " + difference);
                }
                exit = 1;
            }
            double oursMedian = Median(oursRuns.Select(m => m.Seconds));
            double peerMedian = Median(peerRuns.Select(m => m.Seconds));
            double ratio = Median(oursRuns.Zip(peerRuns, (o, p) => o.Seconds / p.Seconds));
            long rows = oursRuns[^1].InputRows;
            table.Add(string.Create(inv, $"| {stage} | ours | {oursMedian:F2} | {rows / oursMedian:N0} | {bytes / oursMedian / 1e6:F0} | {oursRuns.Max(m => m.PeakMegabytes):F0} | {ratio:F2} |"));
            table.Add(string.Create(inv, $"| {stage} | duckdb | {peerMedian:F2} | {rows / peerMedian:N0} | {bytes / peerMedian / 1e6:F0} | {peerRuns.Max(m => m.PeakMegabytes):F0} | |"));
            table.Add(string.Create(inv, $"| {stage} | agree | {(differences.Count == 0 ? "yes" : "NO")}: {string.Join(", ", oursRuns[^1].Summary.Figures.Select(kv => $"{kv.Key}={kv.Value}"))} | | | | |"));
        }
        Console.WriteLine();
        Console.WriteLine("| stage | engine | median s | input rows/s | MB/s | peak MB | ours/duckdb (median of per-rep ratios) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        table.ForEach(Console.WriteLine);
        return exit;
    }

    private static async Task<Measurement> MeasureAsync(Func<Task<(TableSummary Summary, long InputRows)>> run)
    {
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var (summary, rows) = await run();
        clock.Stop();
        return new Measurement(clock.Elapsed.TotalSeconds, sampler.PeakMegabytes, rows, summary);
    }

    private static string Work()
    {
        // Per process: two benches at once must not delete each other's partials.
        var work = Path.Combine(Path.GetTempPath(), $"c360-bench-work-{System.Environment.ProcessId}");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
        return work;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
