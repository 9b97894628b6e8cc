namespace Customer360.Domain.Content;

/// <summary>What scanning one content file found: lines read, accepted, rejected by reason, and any read error.</summary>
public sealed record ContentFileStats
{
    public long LinesRead { get; init; }
    public long Accepted { get; init; }

    /// <summary>Rejected lines by reason name (<see cref="RejectReasons.Name"/>), every reason present.</summary>
    public Dictionary<string, long> Rejected { get; init; } = [];

    /// <summary>Unmapped AppName values and how often each was seen (capped per file).</summary>
    public Dictionary<string, long> UnmappedApps { get; init; } = [];

    /// <summary>Set when the file could not be read to its end (e.g. a corrupt gzip stream).</summary>
    public string? Error { get; init; }

    public long RejectedTotal => Rejected.Values.Sum();
}
