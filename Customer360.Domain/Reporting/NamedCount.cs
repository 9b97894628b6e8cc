namespace Customer360.Domain.Reporting;

/// <summary>A label and how many (rows, users, seconds…) it stands for: one bar of a report chart.</summary>
public sealed record NamedCount(string Name, long Count);
