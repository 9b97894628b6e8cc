using System.Diagnostics;
using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;

namespace Customer360.Domain.Activities;

/// <summary>Reduce: one shard across every day's partial → the shard's finished profile rows in the work store.</summary>
public sealed class ReduceContentShardActivity(PipelineEnvironment environment) : IActivity<ReduceContentShardInput, ContentShardResult>
{
    public static string ResultName(string runId, int shard) => $"runs/{runId}/content/shard-{shard:D5}.bin";

    public async Task<ContentShardResult> RunAsync(ReduceContentShardInput input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reducer = new ContentShardReducer();
        foreach (var prefix in input.PartialPrefixes)
        {
            var stream = await environment.Work.OpenReadAsync(MapContentFileActivity.ShardName(prefix, input.Shard), cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                ContentPartialFormat.ReadInto(stream, reducer);
            }
        }

        var rows = reducer.Rows(environment.Options.HighActivityDays);
        rows.Sort(ContentProfileTable.Order);

        var name = ResultName(input.RunId, input.Shard);
        await environment.Work.WriteAsync(name, (s, _) =>
        {
            ContentProfileRowFormat.Write(s, rows);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return new ContentShardResult(input.Shard, name, rows.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Every row of the given shard results, in shard order.</summary>
    public static Task<List<ContentProfileRow>> ReadAllAsync(PipelineEnvironment environment, IEnumerable<string> names, CancellationToken cancellationToken) =>
        environment.Work.ReadAllAsync<ContentProfileRow>(names, ContentProfileRowFormat.ReadInto, cancellationToken);
}
