namespace Customer360.Domain.Search;

/// <summary>What reading one search log found.</summary>
/// <param name="RowsRead">Rows in the file's row groups that were read.</param>
/// <param name="Accepted">Rows with a non-empty user_id and keyword after trimming.</param>
/// <param name="Skipped">Rows with an empty (or null) user_id or keyword.</param>
/// <param name="Error">Set when the file could not be read (corrupt, or its schema drifted).</param>
public sealed record SearchFileStats(long RowsRead, long Accepted, long Skipped, string? Error);
