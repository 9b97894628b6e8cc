namespace Customer360.Domain.Reporting;

/// <summary>One input file of a run as the run report lists it (stream <c>content</c> or <c>search</c>).</summary>
/// <param name="Rejected">Rejected content lines, or skipped search rows.</param>
public sealed record ReportInputFile(string Stream, string Name, long Size, bool Reused, long LinesRead, long Accepted, long Rejected, string? Error);
