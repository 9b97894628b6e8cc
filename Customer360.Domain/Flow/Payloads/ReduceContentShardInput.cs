namespace Customer360.Domain.Flow;

public sealed record ReduceContentShardInput(string RunId, int Shard, IReadOnlyList<string> PartialPrefixes);
