namespace Customer360.Domain.WorkStore;

/// <summary>A day's aggregate as <see cref="MapPartialStore"/> writes it: how many keys it holds, and its bytes shard by shard.</summary>
/// <remarks>Disposed once every shard and the manifest are written: an aggregate may give pooled tables back.</remarks>
public interface IShardedPartial : IDisposable
{
    /// <summary>Contracts (content) or users (search) in the aggregate.</summary>
    int Keys { get; }

    /// <summary>One writer per shard, in shard order; each writes that shard's keys in the stream's partial format.</summary>
    IReadOnlyList<Action<Stream>> Split(int shards);
}
