namespace Customer360.Domain.Flow;

/// <summary>One stream's map and reduce results, in file and shard order (a record, not a tuple: the flow reaches only its own types).</summary>
internal sealed record StreamStepResults<TMap, TShard>(IReadOnlyList<TMap> Maps, IReadOnlyList<TShard> Shards);
