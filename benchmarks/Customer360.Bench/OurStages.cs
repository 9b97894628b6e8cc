using Customer360.Domain.Hosting;
using Customer360.Cli;
using Customer360.Domain.Activities;
using Customer360.Domain.Classification;
using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using Customer360.Domain.WorkStore;
using Customer360.Domain.Search;
using Customer360.Domain.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Bench;

/// <summary>The product's content and search stages, through the same activity classes the hosts run (map every file, reduce every shard).</summary>
public static class OurStages
{
    public static PipelineEnvironment Environment(string? content, string? search, string work) => new()
    {
        Content = content is null ? null : new SourceLocation(new LocalFolderStore(content), ""),
        Search = search is null ? null : new SourceLocation(new LocalFolderStore(search), ""),
        Work = new LocalFolderStore(work),
        Output = new LocalFolderStore(work),
        Sinks = [],
        KeywordCache = new JsonFileKeywordCache(Path.Combine(work, "cache.json")),
    };

    public static async Task<(TableSummary Summary, long InputRows)> ContentAsync(string content, string work, int shards, int parallelism)
    {
        var environment = Environment(content, null, work);
        var plan = await new PlanRunActivity(environment).RunAsync(new PlanInput(null, PipelineStreams.Content), CancellationToken.None);
        var map = new MapContentFileActivity(environment);
        var maps = new ContentMapResult[plan.ContentFiles.Count];
        await Parallel.ForAsync(0, maps.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
            maps[i] = await map.RunAsync(new MapContentFileInput(plan.ContentFiles[i], shards), ct));
        var prefixes = maps.Select(m => m.PartialPrefix).ToList();
        var reduce = new ReduceContentShardActivity(environment);
        var results = new ContentShardResult[shards];
        await Parallel.ForAsync(0, shards, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (s, ct) =>
            results[s] = await reduce.RunAsync(new ReduceContentShardInput("bench", s, prefixes), ct));

        var rows = await new ShardResultStore(environment.Work).ReadContentAsync(results.Select(r => r.ResultName), CancellationToken.None);
        return (Summarise(rows), maps.Sum(m => m.Stats.LinesRead));
    }

    public static TableSummary Summarise(IReadOnlyCollection<ContentProfileRow> rows) => new(new Dictionary<string, long>
    {
        ["rows"] = rows.Count,
        ["truyen_hinh"] = rows.Sum(r => r.TruyenHinh),
        ["phim_truyen"] = rows.Sum(r => r.PhimTruyen),
        ["giai_tri"] = rows.Sum(r => r.GiaiTri),
        ["thieu_nhi"] = rows.Sum(r => r.ThieuNhi),
        ["the_thao"] = rows.Sum(r => r.TheThao),
        ["total_devices"] = rows.Sum(r => (long)r.TotalDevices),
        ["active_days"] = rows.Sum(r => (long)r.ActiveDays),
        ["high"] = rows.Count(r => r.ActiveLevel == "High"),
        ["most_watch_truyen_hinh"] = rows.Count(r => r.MostWatch == "Truyền Hình"),
        ["most_watch_phim_truyen"] = rows.Count(r => r.MostWatch == "Phim Truyện"),
        ["most_watch_the_thao"] = rows.Count(r => r.MostWatch == "Thể Thao"),
        ["most_watch_giai_tri"] = rows.Count(r => r.MostWatch == "Giải Trí"),
        ["taste_length"] = rows.Sum(r => (long)r.Taste.Length),
        ["taste_phim_truyen_truyen_hinh"] = rows.Count(r => r.Taste == "Phim Truyện-Truyền Hình"),
        ["taste_starting_giai_tri"] = rows.Count(r => r.Taste.StartsWith("Giải Trí-", StringComparison.Ordinal)),
    });

    public static async Task<(TableSummary Summary, long InputRows)> SearchAsync(string search, string work, int shards, int parallelism)
    {
        var environment = Environment(null, search, work);
        var plan = await new PlanRunActivity(environment).RunAsync(new PlanInput(null, PipelineStreams.Search), CancellationToken.None);
        var map = new MapSearchFileActivity(environment);
        var maps = new SearchMapResult[plan.SearchFiles.Count];
        await Parallel.ForAsync(0, maps.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
            maps[i] = await map.RunAsync(new MapSearchFileInput(plan.SearchFiles[i], shards), ct));
        var prefixes = maps.Select(m => m.PartialPrefix).ToList();
        var reduce = new ReduceSearchShardActivity(environment);
        var results = new SearchShardResult[shards];
        await Parallel.ForAsync(0, shards, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (s, ct) =>
            results[s] = await reduce.RunAsync(new ReduceSearchShardInput("bench", s, prefixes), ct));
        // The summary from the stored table in one pass over its rows, as DuckDB's summary query reads its table
        // (no object per row: that is the load's business, not this stage's).
        long rows = 0, searches = 0, keywordLength = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var distinctLookup = distinct.GetAlternateLookup<ReadOnlySpan<char>>();
        var store = new ShardResultStore(environment.Work);
        foreach (var result in results)
        {
            await store.ReadSearchEachAsync(result.ResultName, (month, user, keyword, count) =>
            {
                rows++;
                searches += count;
                keywordLength += keyword.Length;
                distinctLookup.Add(keyword);
            }, CancellationToken.None);
        }
        return (new TableSummary(new Dictionary<string, long>
        {
            ["rows"] = rows,
            ["search_count"] = searches,
            ["keyword_length"] = keywordLength,
            ["distinct_keywords"] = distinct.Count,
        }), maps.Sum(m => m.Stats.RowsRead));
    }

    /// <summary>
    /// The whole <c>run</c> of both streams as the CLI runs it (<see cref="LocalPipelineRunner"/>, offline
    /// classifier, files only), into a fresh output and work folder so nothing is reused; returns the rows
    /// of the two tables DuckDB also computes, and the run report's stage timings.
    /// </summary>
    public static async Task<(TableSummary Summary, long InputRows, IReadOnlyList<Domain.Flow.StageTiming> Stages)> RunAsync(
        string content, string search, string work, int shards, int parallelism)
    {
        var options = new LocalRunOptions
        {
            ContentDirectory = content,
            SearchDirectory = search,
            OutputDirectory = Path.Combine(work, "out"),
            WorkDirectory = Path.Combine(work, "work"),
            Parallelism = parallelism,
            Settings = new PipelineSettings { Shards = shards, Classifier = ClassifierKind.Offline },
        };
        var (result, report) = await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);
        long Rows(string table) => result.Tables.Where(t => t.Table == table).Sum(t => t.Rows);
        return (new TableSummary(new Dictionary<string, long>
        {
            ["content_rows"] = Rows(ContentProfileTable.Name),
            ["search_rows"] = Rows(SearchTables.TopKeyword),
        }), report.Content.LinesRead + report.Search.RowsRead, report.Stages);
    }
}
