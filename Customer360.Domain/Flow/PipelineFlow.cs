namespace Customer360.Domain.Flow;

/// <summary>
/// The pipeline, written once for every host: plan → load the identity map → the two streams at once, each
/// mapping one step per daily file, reducing one step per shard and loading its tables (search classifies the
/// distinct top keywords in batches before its load) → the single customer view → report → clean up the run's scratch. A step that fails for good is recorded
/// (<see cref="ActivityNames.RecordRunFailure"/>: a <c>failed</c> row in the run log, best-effort cleanup) and the
/// run still fails. Orchestrator rules apply: no I/O, clocks, randomness or threads here; every piece of
/// work is an activity called through <see cref="IFlowContext"/>.
/// </summary>
public static class PipelineFlow
{
    public const string Name = "Customer360Pipeline";

    public static async Task<PipelineResult> RunAsync(IFlowContext context, PipelineRequest request)
    {
        var retry = ActivityRetryPolicy.Default;
        var started = context.CurrentUtcDateTime;
        // One stage log per lane: the run's own steps, and each stream's branch (the two run at once).
        var runLane = new StageLog(context);
        var contentLane = new StageLog(context);
        var searchLane = new StageLog(context);

        // A stage of one activity: its progress is 0/1, then 1/1 (a fan-out publishes its own, FanOutAsync).
        Task<T> StepAsync<T>(StageLog lane, string stage, string activity, object? input) => lane.RunAsync(stage, async () =>
        {
            var result = await context.CallActivityAsync<T>(activity, input, retry);
            context.SetCustomStatus(new FlowStatus(stage, 1, 1));
            return result;
        });

        // One stream's map → reduce: a map step per daily file, then a reduce step per shard over every file's partial.
        async Task<StreamStepResults<TMap, TShard>> MapReduceAsync<TMap, TShard>(
            StageLog lane, string stream, IReadOnlyList<SourceFile> files,
            string mapActivity, Func<SourceFile, object> mapInput, Func<TMap, string> partialOf, Func<TMap, long> linesOf,
            string reduceActivity, Func<int, IReadOnlyList<string>, object> reduceInput, Func<TShard, long> rowsOf)
        {
            var mapStage = "map_" + stream;
            var maps = await lane.RunAsync(mapStage, () => FanOutAsync(context, mapStage, files,
                file => context.CallActivityAsync<TMap>(mapActivity, mapInput(file), retry), linesOf));

            var reduceStage = "reduce_" + stream;
            var prefixes = maps.Select(partialOf).ToList();
            var shards = await lane.RunAsync(reduceStage, () => FanOutAsync(context, reduceStage, Enumerable.Range(0, request.Shards).ToList(),
                shard => context.CallActivityAsync<TShard>(reduceActivity, reduceInput(shard, prefixes), retry), rowsOf));
            return new StreamStepResults<TMap, TShard>(maps, shards);
        }

        // The content stream: map → reduce → load content_profile.
        async Task<ContentStream?> ContentAsync(IReadOnlyList<SourceFile> files)
        {
            var content = await MapReduceAsync<ContentMapResult, ContentShardResult>(contentLane, "content", files,
                ActivityNames.MapContentFile, file => new MapContentFileInput(file, request.Shards), map => map.PartialPrefix, map => map.Stats.LinesRead,
                ActivityNames.ReduceContentShard, (shard, prefixes) => new ReduceContentShardInput(request.RunId, shard, prefixes), reduce => reduce.Rows);
            var load = await StepAsync<StreamLoadResult>(contentLane, "load_content", ActivityNames.LoadContent,
                new LoadContentInput(request.RunId, content.Shards.Select(s => s.ResultName).ToList()));
            return new ContentStream(content.Maps, content.Shards, load);
        }

        // The search stream: map → reduce → classify the distinct top keywords → load the search tables.
        async Task<SearchStream?> SearchAsync(IReadOnlyList<SourceFile> files)
        {
            var search = await MapReduceAsync<SearchMapResult, SearchShardResult>(searchLane, "search", files,
                ActivityNames.MapSearchFile, file => new MapSearchFileInput(file, request.Shards), map => map.PartialPrefix, map => map.Stats.RowsRead,
                ActivityNames.ReduceSearchShard, (shard, prefixes) => new ReduceSearchShardInput(request.RunId, shard, prefixes), reduce => reduce.Rows);
            ClassificationPlan? classification = null;
            var batches = await searchLane.RunAsync("classify", async () =>
            {
                classification = await context.CallActivityAsync<ClassificationPlan>(ActivityNames.PlanClassification,
                    new PlanClassificationInput(request.RunId, search.Shards.Select(s => s.KeywordsName).ToList(), request.ClassifyBatchSize), retry);
                // Bounded fan-out: at most ClassifyParallelism batches in flight, chunk by chunk (deterministic on replay).
                var results = new List<ClassifyBatchResult>();
                foreach (var chunk in Enumerable.Range(0, classification.Batches).Chunk(Math.Max(1, request.ClassifyParallelism)))
                {
                    results.AddRange(await FanOutAsync(context, "classify", chunk,
                        batch => context.CallActivityAsync<ClassifyBatchResult>(ActivityNames.ClassifyBatch, new ClassifyBatchInput(request.RunId, batch), retry),
                        result => result.Keywords));
                }
                return results;
            });
            var searchLoad = new LoadSearchInput(request.RunId, search.Shards.Select(s => s.ResultName).ToList(), classification!.CachedName, batches.Select(b => b.ResultName).ToList(), request.Months);
            var load = await StepAsync<StreamLoadResult>(searchLane, "load_search", ActivityNames.LoadSearch, searchLoad);
            return new SearchStream(search.Maps, search.Shards, classification, batches, load);
        }

        try
        {
            var plan = await StepAsync<RunPlan>(runLane, "plan", ActivityNames.PlanRun, new PlanInput(request.Months, request.Streams));

            IdentityMapLoaded? identity = null;
            if (plan.ContentFiles.Count > 0 || plan.SearchFiles.Count > 0)
            {
                // Early, so a missing or malformed map stops the run before any heavy step.
                identity = await StepAsync<IdentityMapLoaded>(runLane, "identity_map", ActivityNames.LoadIdentityMap, request.RunId);
            }

            // The streams are independent until customer_360, so they run at once: one stream's single-threaded
            // steps (its load, classification) share the machine with the other's fan-outs instead of idling cores.
            // Both are awaited before anything else, so a failing stream never leaves the other running.
            var contentRun = plan.ContentFiles.Count > 0 ? ContentAsync(plan.ContentFiles) : Task.FromResult<ContentStream?>(null);
            var searchRun = plan.SearchFiles.Count > 0 ? SearchAsync(plan.SearchFiles) : Task.FromResult<SearchStream?>(null);
            await Task.WhenAll(new List<Task> { contentRun, searchRun }); // a list: the params-span overload would reach inline arrays
            var content = await contentRun;
            var search = await searchRun;

            var tables = new List<TableLoadResult>();
            tables.AddRange(content?.Load.Tables ?? []);
            tables.AddRange(search?.Load.Tables ?? []);
            if (content is not null || search is not null)
            {
                tables.Add(await StepAsync<TableLoadResult>(runLane, "load_customer_360", ActivityNames.LoadCustomer360,
                    new LoadCustomer360Input(request.RunId, content?.Load.Customer360Side, search?.Load.Customer360Side, identity?.Name)));
            }

            IReadOnlyList<ContentMapResult> contentMaps = content?.Maps ?? [];
            IReadOnlyList<SearchMapResult> searchMaps = search?.Maps ?? [];
            var reportName = await runLane.RunAsync("report", async () =>
            {
                var reportInput = new RunReportInput(request.RunId, started, context.CurrentUtcDateTime, plan,
                    contentMaps, content?.Shards ?? [], searchMaps, search?.Shards ?? [], search?.Classification, search?.Batches ?? [], tables, StageLog.Merge(runLane, contentLane, searchLane));
                var name = await context.CallActivityAsync<string>(ActivityNames.WriteRunReport, reportInput, retry);
                await context.CallActivityAsync<string>(ActivityNames.WriteHtmlReport, request.RunId, retry);
                // Last: the run's scratch (shard results, keyword lists, batches, hand-offs) is no longer needed by anything.
                await context.CallActivityAsync<int>(ActivityNames.CleanupRun, request.RunId, retry);
                return name;
            });
            context.SetCustomStatus(new FlowStatus("done", 1, 1));

            bool inputErrors = contentMaps.Any(m => m.Stats.Error is not null) || searchMaps.Any(m => m.Stats.Error is not null);
            return new PipelineResult(request.RunId, reportName, inputErrors, tables);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // A step failed for good (after its retries): record it with the engine's message, then fail the run as before.
            // Both streams were awaited, so if both failed the content stream's stage is the one recorded.
            await RecordFailureAsync(context, new RunFailure(request.RunId, runLane.Failed ?? contentLane.Failed ?? searchLane.Failed ?? "plan", failure.Message, started, context.CurrentUtcDateTime), retry);
            throw;
        }
    }

    /// <summary>Records the failed run; a failure to record is logged, never allowed to replace the run's own failure.</summary>
    private static async Task RecordFailureAsync(IFlowContext context, RunFailure failure, ActivityRetryPolicy retry)
    {
        try
        {
            await context.CallActivityAsync<RunFailureRecorded>(ActivityNames.RecordRunFailure, failure, retry);
        }
        catch (Exception recordError)
        {
            FlowLog.FailureNotRecorded(context.CreateReplaySafeLogger("Customer360.Domain.Flow.PipelineFlow"), recordError, failure.RunId, failure.Stage);
        }
    }

    /// <summary>Starts one activity per item, publishes progress as they finish, returns results in item order.</summary>
    private static async Task<IReadOnlyList<TResult>> FanOutAsync<TItem, TResult>(
        IFlowContext context, string stage, IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> call, Func<TResult, long> rowsOf)
    {
        context.SetCustomStatus(new FlowStatus(stage, 0, items.Count));
        var tasks = items.Select(call).ToList();
        var pending = new List<Task<TResult>>(tasks);
        long rows = 0;
        while (pending.Count > 0)
        {
            var finished = await Task.WhenAny(pending);
            pending.Remove(finished);
            rows += rowsOf(await finished);
            context.SetCustomStatus(new FlowStatus(stage, tasks.Count - pending.Count, tasks.Count, rows));
        }
        return await Task.WhenAll(tasks);
    }
}
