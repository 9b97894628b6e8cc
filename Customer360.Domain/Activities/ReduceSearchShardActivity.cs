using System.Diagnostics;
using Customer360.Domain.Flow;
using Customer360.Domain.Search;
using Customer360.Domain.Storage;

namespace Customer360.Domain.Activities;

/// <summary>Reduce: one shard across every day's search partial → each user's top keyword per month.</summary>
public sealed class ReduceSearchShardActivity(PipelineEnvironment environment) : IActivity<ReduceSearchShardInput, SearchShardResult>
{
    public static string ResultName(string runId, int shard) => $"runs/{runId}/search/shard-{shard:D5}.bin";

    public async Task<SearchShardResult> RunAsync(ReduceSearchShardInput input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reducer = new SearchShardReducer();
        foreach (var prefix in input.PartialPrefixes)
        {
            var stream = await environment.Work.OpenReadAsync(MapSearchFileActivity.ShardName(prefix, input.Shard), cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                reducer.Add(stream);
            }
        }
        var rows = reducer.TopKeywords();
        var name = ResultName(input.RunId, input.Shard);
        await environment.Work.WriteAsync(name, (s, _) =>
        {
            UserTopKeyword.WriteAll(s, rows);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return new SearchShardResult(input.Shard, name, rows.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Reads shard results back (used by the classification plan and the search load).</summary>
    public static Task<List<UserTopKeyword>> ReadAllAsync(PipelineEnvironment environment, IEnumerable<string> names, CancellationToken cancellationToken) =>
        environment.Work.ReadAllAsync<UserTopKeyword>(names, UserTopKeyword.ReadAll, cancellationToken);
}
