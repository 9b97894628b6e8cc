namespace Customer360.Domain.Flow;

/// <summary>What the search stream's branch of the flow produced: its map and reduce results, its classification and batches, and its load.</summary>
internal sealed record SearchStream(
    IReadOnlyList<SearchMapResult> Maps,
    IReadOnlyList<SearchShardResult> Shards,
    ClassificationPlan Classification,
    IReadOnlyList<ClassifyBatchResult> Batches,
    StreamLoadResult Load);
