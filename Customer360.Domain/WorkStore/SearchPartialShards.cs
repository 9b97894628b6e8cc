using Customer360.Domain.Search;
using Customer360.Domain.Sharding;

namespace Customer360.Domain.WorkStore;

/// <summary>A search day's aggregate as shards: users grouped by the stable shard hash of their id.</summary>
public sealed class SearchPartialShards(SearchDayAggregator aggregator, int month) : IShardedPartial
{
    public int Keys => aggregator.Users.Count;

    public IReadOnlyList<Action<Stream>> Split(int shards)
    {
        var groups = new List<KeyValuePair<string, Dictionary<string, long>>>[shards];
        for (int i = 0; i < shards; i++)
        {
            groups[i] = [];
        }
        foreach (var entry in aggregator.Users)
        {
            groups[ShardHash.ShardOf(entry.Key, shards)].Add(entry);
        }
        return [.. groups.Select(users => (Action<Stream>)(stream => SearchPartialFormat.Write(stream, month, users)))];
    }
}
