namespace Customer360.Domain.Flow;

/// <summary>A stream's load: the tables it wrote, and its hand-off to <c>customer_360</c> in the run's scratch (so that step reads no shard again).</summary>
public sealed record StreamLoadResult(IReadOnlyList<TableLoadResult> Tables, string Customer360Side);
