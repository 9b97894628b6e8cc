using Customer360.Domain.Content;

namespace Customer360.Domain.WorkStore;

/// <summary>A content day's aggregate as shards: the aggregator's own encoding, each shard's buffers released once written.</summary>
public sealed class ContentPartialShards(ContentDayAggregator aggregator, int month) : IShardedPartial
{
    public int Keys => aggregator.Count;

    public IReadOnlyList<Action<Stream>> Split(int shards) =>
        [.. aggregator.EncodeShards(shards, month).Select(writer => (Action<Stream>)(stream =>
        {
            using (writer)
            {
                writer.CopyTo(stream);
            }
        }))];

    public void Dispose() => aggregator.Dispose();
}
