using System.Diagnostics;
using System.Globalization;
using Customer360.Domain.Content;

namespace Customer360.Bench;

/// <summary>
/// The content map's inner loop alone, in one thread: scan one daily file into a day aggregator, several
/// times in one process (after a warm-up, so the JIT is done), printing wall and CPU seconds per pass.
/// CPU seconds are steadier than wall seconds on a shared machine; for comparing builds, not engines.
/// </summary>
public static class ScanBench
{
    public static async Task RunAsync(string path, int reps, bool aggregate, bool wholeMap)
    {
        var inv = CultureInfo.InvariantCulture;
        if (Directory.Exists(path))
        {
            Reduce(path, reps);
            return;
        }
        bool search = path.EndsWith(".parquet", StringComparison.Ordinal);
        var name = search ? null : ContentLogFileName.TryParse(Path.GetFileName(path)) ?? throw new ArgumentException($"'{path}' is not a content log name.");
        var times = new List<(double Wall, double Cpu)>();
        for (int r = 0; r <= reps; r++)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var aggregator = new ContentDayAggregator(name?.Date ?? default, ContentDayAggregator.ExpectedContracts(new FileInfo(path).Length));
            if (wholeMap)
            {
                // The whole map step (scan, shard, write partials) into a fresh work folder. A search file is
                // named by its day folder inside the search root, as the plan lists it.
                var work = Path.Combine(Path.GetTempPath(), $"c360-scan-{Environment.ProcessId}");
                if (Directory.Exists(work))
                {
                    Directory.Delete(work, recursive: true);
                }
                var info = new FileInfo(path);
                var folder = Path.GetDirectoryName(path)!;
                var root = search ? Path.GetDirectoryName(folder)! : folder;
                var sourceName = search ? $"{Path.GetFileName(folder)}/{info.Name}" : info.Name;
                var source = new Domain.Flow.SourceFile(sourceName, info.Length, $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}");
                if (search)
                {
                    await new Domain.Activities.MapSearchFileActivity(OurStages.Environment(null, root, work)).RunAsync(new Domain.Flow.MapSearchFileInput(source, 8), CancellationToken.None);
                }
                else
                {
                    await new Domain.Activities.MapContentFileActivity(OurStages.Environment(root, null, work)).RunAsync(new Domain.Flow.MapContentFileInput(source, 8), CancellationToken.None);
                }
            }
            else if (search)
            {
                // A search file: read user_id and keyword, normalise, count per user (the search map's inner loop).
                using var users = new Domain.Search.SearchDayAggregator();
                await using var stream = File.OpenRead(path);
                await Domain.Search.SearchLogReader.ReadAsync(stream, users, CancellationToken.None);
            }
            else
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            {
                await new ContentLogScanner(CategoryMap.Default).ScanAsync(stream, name!.IsGzip, aggregate ? aggregator : new CountingSink(), CancellationToken.None);
            }
            double wall = clock.Elapsed.TotalSeconds;
            double used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(inv, $"  {(r == 0 ? "warm-up" : $"pass {r}")}: {wall:F3}s wall, {used:F3}s CPU, {aggregator.Count:N0} contracts"));
            aggregator.Dispose(); // as the map step does: the next pass reuses its tables' memory
            if (r > 0)
            {
                times.Add((wall, used));
            }
        }
        var walls = times.Select(t => t.Wall).Order().ToList();
        var cpus = times.Select(t => t.Cpu).Order().ToList();
        Console.WriteLine(string.Create(inv, $"scan {Path.GetFileName(path)}: median {walls[walls.Count / 2]:F3}s wall, {cpus[cpus.Count / 2]:F3}s CPU over {reps} passes (load {File.ReadAllText("/proc/loadavg")[..14]})"));
    }

    /// <summary>
    /// The content reduce's inner loop alone, in one thread: every day's shard-0 partial under a work
    /// folder (what <c>bench step --kind map</c> or a run left there), held in memory, merged and turned into
    /// rows several times after a warm-up; reading the files and writing the result are not timed.
    /// </summary>
    private static void Reduce(string work, int reps)
    {
        var inv = CultureInfo.InvariantCulture;
        var partials = Directory.GetFiles(work, "shard-00000.bin", SearchOption.AllDirectories)
            .Where(f => f.Contains(Path.Combine("partials", "content"), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var cpus = new List<double>();
        for (int r = 0; r <= reps; r++)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var reducer = new ContentShardReducer();
            foreach (var partial in partials)
            {
                reducer.Add(partial);
            }
            var rows = reducer.Rows(ContentProfileCalculator.DefaultHighActivityDays);
            rows.Sort(ContentProfileTable.Order);
            double used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(inv, $"  {(r == 0 ? "warm-up" : $"pass {r}")}: {clock.Elapsed.TotalSeconds:F3}s wall, {used:F3}s CPU, {rows.Count:N0} rows from {partials.Count} partials"));
            if (r > 0)
            {
                cpus.Add(used);
            }
        }
        cpus.Sort();
        Console.WriteLine(string.Create(inv, $"reduce shard 0: median {cpus[cpus.Count / 2]:F3}s CPU over {reps} passes (load {File.ReadAllText("/proc/loadavg")[..14]})"));
    }

    /// <summary>Parsing alone: counts the valid records and keeps nothing.</summary>
    private sealed class CountingSink : IContentRecordSink
    {
        public long Records { get; private set; }

        public void Add(in ContentLineRecord record) => Records++;
    }

    /// <summary>How many of a content file's non-blank lines the fast path accepts (the rest go to the full parser).</summary>
    public static void FastPathShare(string path)
    {
        var fast = new ContentLineFastPath(CategoryMap.Default);
        long lines = 0, accepted = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            lines++;
            if (fast.TryParse(System.Text.Encoding.UTF8.GetBytes(line), out _))
            {
                accepted++;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fast path {Path.GetFileName(path)}: {accepted:N0} of {lines:N0} lines ({100.0 * accepted / lines:F3}%)"));
    }
}
