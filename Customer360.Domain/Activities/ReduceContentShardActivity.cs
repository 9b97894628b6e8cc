using System.Diagnostics;
using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>Reduce: one shard across every day's partial → the shard's finished profile rows in the run's scratch.</summary>
public sealed class ReduceContentShardActivity(PipelineEnvironment environment) : IActivity<ReduceContentShardInput, ContentShardResult>
{
    public async Task<ContentShardResult> RunAsync(ReduceContentShardInput input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var reducer = new ContentShardReducer();
        await new MapPartialStore(environment.Work).ReadShardAsync(input.PartialPrefixes, input.Shard, s => ContentPartialFormat.ReadInto(s, reducer), cancellationToken).ConfigureAwait(false);

        var rows = reducer.Rows(environment.Options.HighActivityDays);
        rows.Sort(ContentProfileTable.Order);

        var name = await new ShardResultStore(environment.Work).WriteContentAsync(input.RunId, input.Shard, rows, cancellationToken).ConfigureAwait(false);
        return new ContentShardResult(input.Shard, name, rows.Count, clock.Elapsed.TotalSeconds);
    }
}
