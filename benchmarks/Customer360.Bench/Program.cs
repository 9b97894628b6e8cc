using System.Diagnostics;
using System.CommandLine;
using System.Globalization;
using Customer360.Bench;
using Customer360.Generation;

// dotnet run --project benchmarks/Customer360.Bench -c Release -- [--data DIR] [--scale bench] [--reps 5] [--stages content,search,run] [--smoke]
var data = new Option<DirectoryInfo>("--data") { Description = "Dataset folder (generated when missing).", DefaultValueFactory = _ => new DirectoryInfo("bench-data") };
var scale = new Option<DatasetScale>("--scale") { Description = "small, bench or full.", DefaultValueFactory = _ => DatasetScale.Bench };
var reps = new Option<int>("--reps") { Description = "Measured repetitions per engine (after one warm-up each).", DefaultValueFactory = _ => 5 };
var parallelism = new Option<int>("--parallelism") { Description = "Our steps at once; DuckDB threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
var shards = new Option<int>("--shards") { DefaultValueFactory = _ => 8 };
var stages = new Option<string>("--stages") { Description = "content, search and/or run (the whole run of both streams), comma-separated.", DefaultValueFactory = _ => "content,search,run" };
var noExact = new Option<bool>("--no-exact") { Description = "Skip the line-by-line DuckDB content query (every edge rule; slow)." };
var smoke = new Option<bool>("--smoke") { Description = "A tiny dataset, one repetition: proves the bench runs and every engine agrees." };
var contracts = new Option<int?>("--contracts") { Description = "Content contracts to generate instead of the scale's count (for 2×, 4× the bench month)." };
var layout = new Option<ContentLineOrder>("--layout") { Description = "When generating: time (lines in time order, contracts interleaved, as an export comes) or contract (each contract's lines together; for comparison).", DefaultValueFactory = _ => ContentLineOrder.Time };
var badLines = new Option<double>("--bad-line-share") { Description = "When generating: share of bad content lines. 0 (the default) is a clean export, on which DuckDB's typed read_json query and ours must agree; the generator's own default (0.006) exercises every rejection rule, which only the line-by-line peer follows.", DefaultValueFactory = _ => 0 };
var engines = new Option<string>("--engines") { Description = "ours, duckdb or ours,duckdb (the agreement check and ratio need both).", DefaultValueFactory = _ => "ours,duckdb" };
var root = new RootCommand("Customer 360 benchmark: our stages and whole run vs DuckDB on the same files, in one process.") { data, scale, reps, parallelism, shards, stages, smoke, noExact, contracts, layout, badLines, engines };
root.SetAction(async (parse, cancellationToken) =>
{
    bool isSmoke = parse.GetValue(smoke);
    var folder = parse.GetValue(data)!.FullName;
    var size = isSmoke ? DatasetScale.Small : parse.GetValue(scale);
    if (isSmoke)
    {
        // A folder of this process's own: test commands of several worktrees may run the smoke at once.
        folder = Path.Combine(Path.GetTempPath(), $"c360-bench-smoke-{Environment.ProcessId}");
    }
    try
    {
        var dataset = new BenchDataset(folder, size, parse.GetValue(contracts), parse.GetValue(layout), parse.GetValue(badLines));
        if (dataset.Ensure() is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 2;
        }
        var engineList = parse.GetValue(engines)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return await Bench.RunAsync(new BenchOptions(folder, isSmoke ? 1 : parse.GetValue(reps), parse.GetValue(parallelism), parse.GetValue(shards),
            parse.GetValue(stages)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), !parse.GetValue(noExact),
            RunOurs: engineList.Contains("ours"), RunDuckDb: engineList.Contains("duckdb")));
    }
    finally
    {
        if (isSmoke)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
});

var step = new Command("step", "Run one step in this process and print its peak memory (VmHWM after the step's inputs are prepared): map one file, reduce one shard (content or search), or a load step.");
var kind = new Option<string>("--kind") { Required = true, Description = "map, reduce, map-search, reduce-search, load-content, load-search or load-customer-360" };
var file = new Option<string?>("--file") { Description = "map: the content file name inside --content; map-search: the day (YYYYMMDD) inside --search" };
var contentDir = new Option<DirectoryInfo>("--content") { Required = true };
var workDir = new Option<DirectoryInfo>("--work") { Required = true };
var shard = new Option<int>("--shard");
var searchDir = new Option<DirectoryInfo?>("--search") { Description = "search steps, load-customer-360: the search logs (what the measured step needs is mapped, reduced and classified offline first)." };
var mysql = new Option<string?>("--mysql") { Description = "load steps: also load into this MySQL database (connection string)." };
step.Options.Add(kind);
step.Options.Add(file);
step.Options.Add(contentDir);
step.Options.Add(workDir);
step.Options.Add(shard);
step.Options.Add(shards);
step.Options.Add(mysql);
step.Options.Add(searchDir);
step.SetAction(async (parse, cancellationToken) =>
{
    var (summary, seconds, cpuSeconds, startMegabytes) = await StepRunner.RunAsync(new StepRequest(parse.GetValue(kind)!, parse.GetValue(contentDir)!.FullName, parse.GetValue(searchDir)?.FullName,
        parse.GetValue(workDir)!.FullName, parse.GetValue(file), parse.GetValue(shard), parse.GetValue(shards), parse.GetValue(mysql)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{parse.GetValue(kind)}: {summary} in {seconds:F2}s ({cpuSeconds:F2}s CPU), peak RSS {MemorySampler.ProcessHighWaterMegabytes():F0} MB (started from {startMegabytes:F0} MB)"));
    return 0;
});
root.Subcommands.Add(step);

var scan = new Command("scan", "The content map's inner loop alone: scan one daily file into a day aggregator, several passes in one thread; wall and CPU seconds per pass.");
var scanFile = new Option<FileInfo>("--file") { Required = true, Description = "A content log (YYYYMMDD.json); or a work folder: time the content reduce of its shard-0 partials instead." };
var passes = new Option<int>("--passes") { DefaultValueFactory = _ => 5 };
scan.Options.Add(scanFile);
var parseOnly = new Option<bool>("--parse-only") { Description = "Parse the lines but aggregate nothing." };
scan.Options.Add(passes);
var wholeMap = new Option<bool>("--map") { Description = "Time the whole map step (scan, shard, write partials) instead." };
scan.Options.Add(parseOnly);
var fastShare = new Option<bool>("--fast-path-share") { Description = "Count the lines the content fast path accepts instead." };
scan.Options.Add(wholeMap);
scan.Options.Add(fastShare);
scan.SetAction(async (parse, cancellationToken) =>
{
    if (parse.GetValue(fastShare))
    {
        ScanBench.FastPathShare(parse.GetValue(scanFile)!.FullName);
        return 0;
    }
    await ScanBench.RunAsync(parse.GetValue(scanFile)!.FullName, parse.GetValue(passes), !parse.GetValue(parseOnly), parse.GetValue(wholeMap));
    return 0;
});
root.Subcommands.Add(scan);

var searchPasses = new Command("search-passes", "One search step (map, reduce, classify or load) several times in one thread after a warm-up; CPU seconds per pass.");
var passStep = new Option<string>("--step") { Required = true, Description = "map (the last day), reduce (shard 0), classify (offline rules over every distinct top keyword) or load (the search tables, files)" };
var passSearch = new Option<DirectoryInfo>("--search") { Required = true };
searchPasses.Options.Add(passStep);
searchPasses.Options.Add(passSearch);
searchPasses.Options.Add(workDir);
searchPasses.Options.Add(passes);
searchPasses.Options.Add(shards);
searchPasses.SetAction(async (parse, cancellationToken) =>
{
    await SearchPassBench.RunAsync(parse.GetValue(passSearch)!.FullName, parse.GetValue(workDir)!.FullName, parse.GetValue(passStep)!, parse.GetValue(passes), parse.GetValue(shards));
    return 0;
});
root.Subcommands.Add(searchPasses);

var classify = new Command("classify", "Classification at scale: the search months' distinct top keywords against a local chat-completions server with latency and an enforced rate limit (June, then July, then a rerun).");
var rpm = new Option<int>("--rpm") { Description = "The server's requests-per-minute limit.", DefaultValueFactory = _ => 600 };
var tpm = new Option<int>("--tpm") { Description = "The server's tokens-per-minute limit.", DefaultValueFactory = _ => 1_000_000 };
var latencyMs = new Option<int>("--latency-ms") { Description = "Milliseconds per answer.", DefaultValueFactory = _ => 300 };
var noBudget = new Option<bool>("--no-budget") { Description = "Do not tell the client the limits: it paces by the headers and 429s alone." };
var batch = new Option<int>("--batch-size") { DefaultValueFactory = _ => 50 };
var classifyParallelism = new Option<int>("--classify-parallelism") { DefaultValueFactory = _ => 8 };
var countOnly = new Option<bool>("--count-only") { Description = "Only count the distinct top keywords per month and their overlap (no classification)." };
foreach (var option in new Option[] { data, scale, rpm, tpm, latencyMs, noBudget, batch, classifyParallelism, shards, countOnly })
{
    classify.Options.Add(option);
}
classify.SetAction(async (parse, cancellationToken) =>
{
    var folder = parse.GetValue(data)!.FullName;
    EnsureSearch(folder, parse.GetValue(scale));
    var settings = new ClassifyBench.Settings(Path.Combine(folder, "search"), Path.Combine(folder, "work-classify"),
        parse.GetValue(rpm), parse.GetValue(tpm), TimeSpan.FromMilliseconds(parse.GetValue(latencyMs)), !parse.GetValue(noBudget),
        parse.GetValue(batch), parse.GetValue(classifyParallelism), parse.GetValue(shards));
    return parse.GetValue(countOnly) ? await ClassifyBench.CountAsync(settings) : await ClassifyBench.RunAsync(settings);
});
root.Subcommands.Add(classify);
return await root.Parse(args).InvokeAsync();

static void EnsureSearch(string folder, DatasetScale scale)
{
    var search = Path.Combine(folder, "search");
    if (!Directory.Exists(search) || Directory.GetDirectories(search).Length == 0)
    {
        Console.WriteLine($"Generating {scale} search into {search} ...");
        var clock = Stopwatch.StartNew();
        new SearchLogGenerator(42, DatasetScales.SearchUsers(scale)).Write(search, Environment.ProcessorCount);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated in {clock.Elapsed.TotalSeconds:F1}s"));
    }
}
