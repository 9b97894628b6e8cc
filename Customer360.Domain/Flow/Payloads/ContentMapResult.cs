using Customer360.Domain.Content;

namespace Customer360.Domain.Flow;

/// <summary>Claim-check result of a content map step: where its partial lives, and its counts.</summary>
public sealed record ContentMapResult(string File, int Month, string PartialPrefix, int Contracts, ContentFileStats Stats, bool Reused, double Seconds);
