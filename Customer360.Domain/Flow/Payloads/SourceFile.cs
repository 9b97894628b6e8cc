namespace Customer360.Domain.Flow;

/// <summary>A source file as listed by the plan step.</summary>
public sealed record SourceFile(string Name, long Size, string ETag);
