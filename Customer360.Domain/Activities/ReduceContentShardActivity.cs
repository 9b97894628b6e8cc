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
        var months = new Dictionary<int, Dictionary<string, ContractActivity>>();
        await new MapPartialStore(environment.Work).ReadShardAsync(input.PartialPrefixes, input.Shard, s => ContentPartialFormat.ReadInto(s, months), cancellationToken).ConfigureAwait(false);

        var rows = new List<ContentProfileRow>(months.Values.Sum(m => m.Count));
        foreach (var (month, contracts) in months)
        {
            foreach (var (contract, activity) in contracts)
            {
                rows.Add(ContentProfileCalculator.Build(month, contract, activity, environment.Options.HighActivityDays));
            }
        }
        rows.Sort(ContentProfileTable.Order);

        var name = await new ShardResultStore(environment.Work).WriteContentAsync(input.RunId, input.Shard, rows, cancellationToken).ConfigureAwait(false);
        return new ContentShardResult(input.Shard, name, rows.Count, clock.Elapsed.TotalSeconds);
    }
}
