using Customer360.Domain.Customers;
using Customer360.Domain.Flow;

namespace Customer360.Domain.Activities;

/// <summary>
/// Load: the single customer view <c>customer_360</c> from this run's content and search results: each user's
/// latest top keyword and trend pair among the rows the run writes (<see cref="RunMonths"/>).
/// </summary>
public sealed class LoadCustomer360Activity(PipelineEnvironment environment) : IActivity<LoadCustomer360Input, TableLoadResult>
{
    public async Task<TableLoadResult> RunAsync(LoadCustomer360Input input, CancellationToken cancellationToken)
    {
        var content = await ReduceContentShardActivity.ReadAllAsync(environment, input.ContentShardResults, cancellationToken).ConfigureAwait(false);
        // Folded shard by shard: only each user's latest search is kept, never every month's rows.
        var search = new Dictionary<string, LatestSearch>(StringComparer.Ordinal);
        if (input.Search is { } load)
        {
            var categories = await LoadSearchActivity.ReadCategoriesAsync(environment, load, cancellationToken).ConfigureAwait(false);
            var months = new RunMonths(load.Months);
            foreach (var shard in load.ShardResults)
            {
                var rows = await LoadSearchActivity.ReadClassifiedShardAsync(environment, shard, categories, cancellationToken).ConfigureAwait(false);
                // The run's months, and of the month read before each only what completes a written trend pair.
                LatestSearch.AddUsers(months.WrittenWithTrendContext(rows), search);
            }
        }
        var table = Customer360Builder.Build(content, search, environment.IdentityMap);
        return await environment.WriteTableAsync(table, cancellationToken).ConfigureAwait(false);
    }
}
