using Customer360.Domain.Search;

namespace Customer360.Domain.Flow;

/// <summary>Claim-check result of a search map step.</summary>
public sealed record SearchMapResult(string File, int Month, string PartialPrefix, int Users, SearchFileStats Stats, bool Reused, double Seconds);
