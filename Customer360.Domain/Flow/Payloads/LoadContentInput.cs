namespace Customer360.Domain.Flow;

public sealed record LoadContentInput(string RunId, IReadOnlyList<string> ShardResults);
