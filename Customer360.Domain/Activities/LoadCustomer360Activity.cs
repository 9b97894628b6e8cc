using Customer360.Domain.Content;
using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>
/// Load: the single customer view <c>customer_360</c> from what the loads handed over (each contract's latest
/// content row, each user's latest top keyword and trend pair among the rows the run writes, <see cref="RunMonths"/>)
/// and the run's identity map. Reads no shard result.
/// </summary>
public sealed class LoadCustomer360Activity(PipelineEnvironment environment) : IActivity<LoadCustomer360Input, TableLoadResult>
{
    public async Task<TableLoadResult> RunAsync(LoadCustomer360Input input, CancellationToken cancellationToken)
    {
        // The step that holds the most live data: the map and reduce steps' kept tables go first.
        TablePool.Release();
        var handoff = new Customer360Handoff(environment.Work);
        List<ContentProfileRow> content = input.ContentSide is { } contentSide
            ? await handoff.ReadContentSideAsync(contentSide, cancellationToken).ConfigureAwait(false)
            : [];
        var search = input.SearchSide is { } searchSide
            ? await handoff.ReadSearchSideAsync(searchSide, cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, LatestSearch>(StringComparer.Ordinal);
        List<IdentityLink> identity = input.IdentityMap is { } map
            ? await handoff.ReadIdentityMapAsync(map, cancellationToken).ConfigureAwait(false)
            : [];
        var table = Customer360Builder.Build(content, search, identity);
        return await environment.WriteTableAsync(table, cancellationToken).ConfigureAwait(false);
    }
}
