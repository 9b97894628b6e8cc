using Customer360.Domain.Content;

namespace Customer360.Domain.WorkStore;

/// <summary>A content day's aggregate as shards: the aggregator's own split and partial writer.</summary>
public sealed class ContentPartialShards(ContentDayAggregator aggregator, int month) : IShardedPartial
{
    public int Keys => aggregator.Count;

    public IReadOnlyList<Action<Stream>> Split(int shards) =>
        [.. aggregator.IdsByShard(shards).Select(ids => (Action<Stream>)(stream => aggregator.WritePartial(stream, month, ids)))];
}
