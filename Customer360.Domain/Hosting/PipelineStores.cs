using Customer360.Domain.Activities;
using Customer360.Domain.Storage;

namespace Customer360.Domain.Hosting;

/// <summary>Where a host's data lives: the only part of the environment that differs between hosts (folders or blob containers).</summary>
/// <param name="Content">The content logs; null = no content stream.</param>
/// <param name="Search">The search logs; null = no search stream.</param>
/// <param name="Work">The intermediate store (partials, run scratch).</param>
/// <param name="Output">File outputs: tables by month, run folders.</param>
/// <param name="KeywordCacheFile">The keyword cache file when there is no MySQL.</param>
/// <param name="IdentityMap">Where the identity map of <see cref="PipelineSettings.IdentityMap"/> is (the host resolves the setting to a store and a name); null = none.</param>
public sealed record PipelineStores(SourceLocation? Content, SourceLocation? Search, IBlobStore Work, IBlobStore Output, string KeywordCacheFile, Customers.IdentityMapSource? IdentityMap = null);
