namespace Customer360.Domain.Reporting;

/// <summary>The content stream of a run: files (mapped or reused), lines read and accepted, rejections by reason, top unmapped apps, file errors.</summary>
public sealed record ContentReport(
    int Files,
    int FilesReused,
    long LinesRead,
    long Accepted,
    IReadOnlyDictionary<string, long> Rejected,
    IReadOnlyList<AppCount> TopUnmappedApps,
    IReadOnlyList<FileError> FileErrors);
