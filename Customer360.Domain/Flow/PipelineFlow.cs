namespace Customer360.Domain.Flow;

/// <summary>
/// The pipeline, written once for every host: plan → load the identity map → per stream, map one step per
/// daily file and reduce one step per shard → classify the distinct top keywords in batches → load the tables
/// and the single customer view → report → clean up the run's scratch. A step that fails for good is recorded
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
        var stages = new List<StageTiming>();
        var stageStart = started;
        void EndStage(string stage)
        {
            var now = context.CurrentUtcDateTime;
            stages.Add(new StageTiming(stage, (now - stageStart).TotalSeconds));
            stageStart = now;
        }

        // The stage in progress, for the run log when a step fails for good.
        var stage = "plan";
        string Stage(string name) => stage = name;

        // One stream's map → reduce: a map step per daily file, then a reduce step per shard over every file's partial.
        async Task<StreamStepResults<TMap, TShard>> MapReduceAsync<TMap, TShard>(
            string stream, IReadOnlyList<SourceFile> files,
            string mapActivity, Func<SourceFile, object> mapInput, Func<TMap, string> partialOf, Func<TMap, long> linesOf,
            string reduceActivity, Func<int, IReadOnlyList<string>, object> reduceInput, Func<TShard, long> rowsOf)
        {
            var mapStage = "map_" + stream;
            var maps = await FanOutAsync(context, Stage(mapStage), files,
                file => context.CallActivityAsync<TMap>(mapActivity, mapInput(file), retry), linesOf);
            EndStage(mapStage);

            var reduceStage = "reduce_" + stream;
            var prefixes = maps.Select(partialOf).ToList();
            var shards = await FanOutAsync(context, Stage(reduceStage), Enumerable.Range(0, request.Shards).ToList(),
                shard => context.CallActivityAsync<TShard>(reduceActivity, reduceInput(shard, prefixes), retry), rowsOf);
            EndStage(reduceStage);
            return new StreamStepResults<TMap, TShard>(maps, shards);
        }

        try
        {
            context.SetCustomStatus(new FlowStatus("plan", 0, 1));
            var plan = await context.CallActivityAsync<RunPlan>(ActivityNames.PlanRun, new PlanInput(request.Months, request.Streams), retry);
            EndStage("plan");

            IdentityMapLoaded? identity = null;
            if (plan.ContentFiles.Count > 0 || plan.SearchFiles.Count > 0)
            {
                // Early, so a missing or malformed map stops the run before any heavy step.
                context.SetCustomStatus(new FlowStatus(Stage("identity_map"), 0, 1));
                identity = await context.CallActivityAsync<IdentityMapLoaded>(ActivityNames.LoadIdentityMap, request.RunId, retry);
                EndStage("identity_map");
            }

            var tables = new List<TableLoadResult>();
            IReadOnlyList<ContentMapResult> contentMaps = [];
            IReadOnlyList<ContentShardResult> contentShards = [];
            string? contentSide = null;
            if (plan.ContentFiles.Count > 0)
            {
                var content = await MapReduceAsync<ContentMapResult, ContentShardResult>("content", plan.ContentFiles,
                    ActivityNames.MapContentFile, file => new MapContentFileInput(file, request.Shards), map => map.PartialPrefix, map => map.Stats.LinesRead,
                    ActivityNames.ReduceContentShard, (shard, prefixes) => new ReduceContentShardInput(request.RunId, shard, prefixes), reduce => reduce.Rows);
                contentMaps = content.Maps;
                contentShards = content.Shards;

                context.SetCustomStatus(new FlowStatus(Stage("load_content"), 0, 1));
                var load = await context.CallActivityAsync<StreamLoadResult>(ActivityNames.LoadContent, new LoadContentInput(request.RunId, contentShards.Select(s => s.ResultName).ToList()), retry);
                tables.AddRange(load.Tables);
                contentSide = load.Customer360Side;
                EndStage("load_content");
            }

            IReadOnlyList<SearchMapResult> searchMaps = [];
            IReadOnlyList<SearchShardResult> searchShards = [];
            ClassificationPlan? classification = null;
            var batches = new List<ClassifyBatchResult>();
            string? searchSide = null;
            if (plan.SearchFiles.Count > 0)
            {
                var search = await MapReduceAsync<SearchMapResult, SearchShardResult>("search", plan.SearchFiles,
                    ActivityNames.MapSearchFile, file => new MapSearchFileInput(file, request.Shards), map => map.PartialPrefix, map => map.Stats.RowsRead,
                    ActivityNames.ReduceSearchShard, (shard, prefixes) => new ReduceSearchShardInput(request.RunId, shard, prefixes), reduce => reduce.Rows);
                searchMaps = search.Maps;
                searchShards = search.Shards;

                context.SetCustomStatus(new FlowStatus(Stage("classify"), 0, 1));
                classification = await context.CallActivityAsync<ClassificationPlan>(ActivityNames.PlanClassification,
                    new PlanClassificationInput(request.RunId, searchShards.Select(s => s.KeywordsName).ToList(), request.ClassifyBatchSize), retry);
                // Bounded fan-out: at most ClassifyParallelism batches in flight, chunk by chunk (deterministic on replay).
                foreach (var chunk in Enumerable.Range(0, classification.Batches).Chunk(Math.Max(1, request.ClassifyParallelism)))
                {
                    batches.AddRange(await FanOutAsync(context, stage, chunk,
                        batch => context.CallActivityAsync<ClassifyBatchResult>(ActivityNames.ClassifyBatch, new ClassifyBatchInput(request.RunId, batch), retry),
                        result => result.Keywords));
                }
                EndStage("classify");

                context.SetCustomStatus(new FlowStatus(Stage("load_search"), 0, 1));
                var searchLoad = new LoadSearchInput(request.RunId, searchShards.Select(s => s.ResultName).ToList(), classification.CachedName, batches.Select(b => b.ResultName).ToList(), request.Months);
                var load = await context.CallActivityAsync<StreamLoadResult>(ActivityNames.LoadSearch, searchLoad, retry);
                tables.AddRange(load.Tables);
                searchSide = load.Customer360Side;
                EndStage("load_search");
            }

            if (contentSide is not null || searchSide is not null)
            {
                context.SetCustomStatus(new FlowStatus(Stage("load_customer_360"), 0, 1));
                tables.Add(await context.CallActivityAsync<TableLoadResult>(ActivityNames.LoadCustomer360,
                    new LoadCustomer360Input(request.RunId, contentSide, searchSide, identity?.Name), retry));
                EndStage("load_customer_360");
            }

            context.SetCustomStatus(new FlowStatus(Stage("report"), 0, 1));
            var reportInput = new RunReportInput(request.RunId, started, context.CurrentUtcDateTime, plan,
                contentMaps, contentShards, searchMaps, searchShards, classification, batches, tables, stages);
            var reportName = await context.CallActivityAsync<string>(ActivityNames.WriteRunReport, reportInput, retry);
            await context.CallActivityAsync<string>(ActivityNames.WriteHtmlReport, request.RunId, retry);
            // Last: the run's scratch (shard results, keyword lists, batches, hand-offs) is no longer needed by anything.
            await context.CallActivityAsync<int>(ActivityNames.CleanupRun, request.RunId, retry);
            context.SetCustomStatus(new FlowStatus("done", 1, 1));

            bool inputErrors = contentMaps.Any(m => m.Stats.Error is not null) || searchMaps.Any(m => m.Stats.Error is not null);
            return new PipelineResult(request.RunId, reportName, inputErrors, tables);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // A step failed for good (after its retries): record it with the engine's message, then fail the run as before.
            await RecordFailureAsync(context, new RunFailure(request.RunId, stage, failure.Message, started, context.CurrentUtcDateTime), retry);
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
