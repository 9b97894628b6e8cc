namespace Customer360.Domain.Flow;

/// <summary>Claim-check result of a search reduce step: its top keywords' name and its distinct keywords' list (for classification planning).</summary>
public sealed record SearchShardResult(int Shard, string ResultName, string KeywordsName, int Rows, double Seconds);
