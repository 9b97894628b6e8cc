namespace Customer360.Domain.Flow;

/// <summary>What the content stream's branch of the flow produced: its map and reduce results in file and shard order, and its load.</summary>
internal sealed record ContentStream(IReadOnlyList<ContentMapResult> Maps, IReadOnlyList<ContentShardResult> Shards, StreamLoadResult Load);
