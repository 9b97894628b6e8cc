using System.Diagnostics;
using Customer360.Domain.Flow;
using Customer360.Domain.Search;
using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>
/// Reduce: one shard across every day's search partial → each user's top keyword per month, and the shard's
/// distinct keywords next to them (classification planning reads those, not the rows).
/// </summary>
public sealed class ReduceSearchShardActivity(PipelineEnvironment environment) : IActivity<ReduceSearchShardInput, SearchShardResult>
{
    public async Task<SearchShardResult> RunAsync(ReduceSearchShardInput input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var reducer = new SearchShardReducer();
        await new MapPartialStore(environment.Work).ReadShardAsync(input.PartialPrefixes, input.Shard, reducer.Add, cancellationToken).ConfigureAwait(false);
        var top = reducer.TopKeywords();
        var (result, keywords) = await new ShardResultStore(environment.Work).WriteSearchAsync(input.RunId, input.Shard, top, cancellationToken).ConfigureAwait(false);
        return new SearchShardResult(input.Shard, result, keywords, top.Count, clock.Elapsed.TotalSeconds);
    }
}
