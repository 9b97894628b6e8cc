namespace Customer360.Domain.Flow;

/// <param name="Months">The run's requested months (<see cref="PipelineRequest.Months"/>): the shards also hold the month before
/// each, read for its trend, whose own rows the loads do not write (<see cref="Activities.RunMonths"/>). Null or empty = every month.</param>
public sealed record LoadSearchInput(string RunId, IReadOnlyList<string> ShardResults, string CachedName, IReadOnlyList<string> BatchResults, IReadOnlyList<int>? Months = null);
