namespace Customer360.Domain.Reporting;

/// <summary>A file that could not be read to its end, and why (the run report's file errors; exit code 2).</summary>
public sealed record FileError(string File, string Error);
