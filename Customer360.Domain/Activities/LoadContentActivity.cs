using Customer360.Domain.Content;
using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>
/// Load: gathers the shards' rows into <c>content_profile</c>, writes it to every sink, and hands each contract's
/// latest row to <c>customer_360</c> (<see cref="Customer360Handoff"/>), the shards' one reader.
/// </summary>
public sealed class LoadContentActivity(PipelineEnvironment environment) : IActivity<LoadContentInput, StreamLoadResult>
{
    public async Task<StreamLoadResult> RunAsync(LoadContentInput input, CancellationToken cancellationToken)
    {
        // The step that holds the most live data: the map and reduce steps' kept tables go first.
        TablePool.Release();
        var rows = await new ShardResultStore(environment.Work).ReadContentAsync(input.ShardResults, cancellationToken).ConfigureAwait(false);
        rows.Sort(ContentProfileTable.Order);
        var table = await environment.WriteTableAsync(ContentProfileTable.From(rows), cancellationToken, new TableFigures(Content: ContentFigures.From(rows))).ConfigureAwait(false);
        var side = await new Customer360Handoff(environment.Work).WriteContentSideAsync(input.RunId, Customer360Builder.LatestByContract(rows), cancellationToken).ConfigureAwait(false);
        return new StreamLoadResult([table], side);
    }
}
