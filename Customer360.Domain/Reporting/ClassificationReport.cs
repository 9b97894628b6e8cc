namespace Customer360.Domain.Reporting;

/// <summary>The run's keyword classification: distinct keywords, cache hits, batches, and what the requests cost.</summary>
/// <param name="CacheHits">Distinct keywords the cache already knew (no request sent for them).</param>
public sealed record ClassificationReport(int DistinctKeywords, int CacheHits, int Batches, int Requests, long InputTokens, long OutputTokens, int Retries, int Fallbacks);
