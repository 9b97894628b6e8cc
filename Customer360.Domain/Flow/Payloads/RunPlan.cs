namespace Customer360.Domain.Flow;

public sealed record RunPlan(IReadOnlyList<SourceFile> ContentFiles, IReadOnlyList<SourceFile> SearchFiles, IReadOnlyList<string> IgnoredFiles);
