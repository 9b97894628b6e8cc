using Customer360.Domain.Content;
using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.Search;

namespace Customer360.Domain.Activities;

/// <summary>Load: the single customer view <c>customer_360</c> from this run's content and search results.</summary>
public sealed class LoadCustomer360Activity(PipelineEnvironment environment) : IActivity<LoadCustomer360Input, TableLoadResult>
{
    public async Task<TableLoadResult> RunAsync(LoadCustomer360Input input, CancellationToken cancellationToken)
    {
        var content = new List<ContentProfileRow>();
        foreach (var name in input.ContentShardResults)
        {
            var stream = await environment.Work.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                ContentProfileRowFormat.ReadInto(stream, content);
            }
        }
        List<TopKeywordRow> tops = [];
        if (input.Search is { } search)
        {
            (tops, _) = await LoadSearchActivity.ReadRowsAsync(environment, search, cancellationToken).ConfigureAwait(false);
        }
        var table = Customer360Builder.Build(content, tops, TrendBuilder.Build(tops), environment.IdentityMap);
        return await environment.WriteTableAsync(table, cancellationToken).ConfigureAwait(false);
    }
}
