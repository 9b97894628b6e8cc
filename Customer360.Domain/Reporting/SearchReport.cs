namespace Customer360.Domain.Reporting;

/// <summary>The search stream of a run: files (mapped or reused), rows read, accepted and skipped, file errors.</summary>
/// <param name="Skipped">Rows with an empty user_id or keyword.</param>
public sealed record SearchReport(int Files, int FilesReused, long RowsRead, long Accepted, long Skipped, IReadOnlyList<FileError> FileErrors);
