namespace Customer360.Domain.Flow;

public sealed record ReduceSearchShardInput(string RunId, int Shard, IReadOnlyList<string> PartialPrefixes);
