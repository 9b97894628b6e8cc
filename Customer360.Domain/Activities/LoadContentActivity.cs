using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;

namespace Customer360.Domain.Activities;

/// <summary>Load: gathers the shards' rows into <c>content_profile</c> and writes it to every sink.</summary>
public sealed class LoadContentActivity(PipelineEnvironment environment) : IActivity<LoadContentInput, TableLoadResult>
{
    public async Task<TableLoadResult> RunAsync(LoadContentInput input, CancellationToken cancellationToken)
    {
        var rows = await ReduceContentShardActivity.ReadAllAsync(environment, input.ShardResults, cancellationToken).ConfigureAwait(false);
        rows.Sort(ContentProfileTable.Order);
        return await environment.WriteTableAsync(ContentProfileTable.From(rows), cancellationToken, new TableFigures(Content: ContentFigures.From(rows))).ConfigureAwait(false);
    }
}
