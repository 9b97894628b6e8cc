namespace Customer360.Domain.Flow;

/// <summary>The distinct top keywords of the run: how many the cache knew, and how many batches are left to classify (numbered from 0).</summary>
public sealed record ClassificationPlan(int DistinctKeywords, int CacheHits, string CachedName, int Batches);
