namespace Customer360.Domain.Flow;

/// <param name="ShardKeywords">Each search shard's distinct keyword list (<see cref="SearchShardResult.KeywordsName"/>), not its rows.</param>
public sealed record PlanClassificationInput(string RunId, IReadOnlyList<string> ShardKeywords, int BatchSize);
