using Customer360.Domain.Search;

namespace Customer360.Domain.WorkStore;

/// <summary>A search day's aggregate as shards: users grouped by the stable shard hash of their id.</summary>
public sealed class SearchPartialShards(SearchDayAggregator aggregator, int month) : IShardedPartial
{
    public int Keys => aggregator.UserCount;

    public IReadOnlyList<Action<Stream>> Split(int shards) =>
        [.. aggregator.UsersByShard(shards).Select(users => (Action<Stream>)(stream => SearchPartialFormat.Write(stream, month, aggregator, users)))];

    public void Dispose() => aggregator.Dispose();
}
