using Customer360.Domain.Classification;
using Customer360.Domain.Content;
using Customer360.Domain.Search;

namespace Customer360.Domain.Flow;

/// <summary>What to run: the flow's input.</summary>
/// <param name="RunId">Run id (the orchestration instance id).</param>
/// <param name="Shards">How many shards the map steps split their partials into.</param>
/// <param name="Months">Only these months (YYYYMM); null or empty means every month found.</param>
/// <param name="Streams">Which streams to run.</param>
/// <param name="ClassifyBatchSize">Distinct keywords per classification request.</param>
/// <param name="ClassifyParallelism">Classification steps in flight at once.</param>
public sealed record PipelineRequest(
    string RunId,
    int Shards,
    IReadOnlyList<int>? Months = null,
    PipelineStreams Streams = PipelineStreams.All,
    int ClassifyBatchSize = PipelineRequest.DefaultBatchSize,
    int ClassifyParallelism = PipelineRequest.DefaultClassifyParallelism)
{
    public const int DefaultBatchSize = 50;
    public const int DefaultClassifyParallelism = 8;
}

[Flags]
public enum PipelineStreams
{
    None = 0,
    Content = 1,
    Search = 2,
    All = Content | Search,
}

/// <summary>A source file as listed by the plan step.</summary>
public sealed record SourceFile(string Name, long Size, string ETag);

public sealed record PlanInput(IReadOnlyList<int>? Months, PipelineStreams Streams);

public sealed record RunPlan(IReadOnlyList<SourceFile> ContentFiles, IReadOnlyList<SourceFile> SearchFiles, IReadOnlyList<string> IgnoredFiles);

public sealed record MapContentFileInput(SourceFile File, int Shards);

/// <summary>Claim-check result of a content map step: where its partial lives, and its counts.</summary>
public sealed record ContentMapResult(string File, int Month, string PartialPrefix, int Contracts, ContentFileStats Stats, bool Reused, double Seconds);

public sealed record ReduceContentShardInput(string RunId, int Shard, IReadOnlyList<string> PartialPrefixes);

public sealed record ContentShardResult(int Shard, string ResultName, int Rows, double Seconds);

public sealed record LoadContentInput(string RunId, IReadOnlyList<string> ShardResults);

/// <param name="Figures">What the report shows of this table (computed by the load, so the report never re-reads outputs).</param>
public sealed record TableLoadResult(string Table, long Rows, IReadOnlyList<string> Outputs, double Seconds, Reporting.TableFigures? Figures = null);

public sealed record MapSearchFileInput(SourceFile File, int Shards);

/// <summary>Claim-check result of a search map step.</summary>
public sealed record SearchMapResult(string File, int Month, string PartialPrefix, int Users, SearchFileStats Stats, bool Reused, double Seconds);

public sealed record ReduceSearchShardInput(string RunId, int Shard, IReadOnlyList<string> PartialPrefixes);

public sealed record SearchShardResult(int Shard, string ResultName, int Rows, double Seconds);

public sealed record PlanClassificationInput(string RunId, IReadOnlyList<string> ShardResults, int BatchSize);

/// <summary>The distinct top keywords of the run: how many the cache knew, and the batches left to classify.</summary>
public sealed record ClassificationPlan(int DistinctKeywords, int CacheHits, string CachedName, IReadOnlyList<string> Batches);

public sealed record ClassifyBatchInput(string RunId, string BatchName);

public sealed record ClassifyBatchResult(string BatchName, string ResultName, int Keywords, ClassificationUsage Usage, double Seconds);

/// <param name="Months">The run's requested months (<see cref="PipelineRequest.Months"/>): the shards also hold the month before
/// each, read for its trend, whose own rows the loads do not write (<see cref="Activities.RunMonths"/>). Null or empty = every month.</param>
public sealed record LoadSearchInput(string RunId, IReadOnlyList<string> ShardResults, string CachedName, IReadOnlyList<string> BatchResults, IReadOnlyList<int>? Months = null);

/// <param name="Search">The search load's input, or null when the run had no search files.</param>
public sealed record LoadCustomer360Input(string RunId, IReadOnlyList<string> ContentShardResults, LoadSearchInput? Search);

/// <summary>Everything the report step needs; stage timings come from the flow's replay-safe clock.</summary>
public sealed record RunReportInput(
    string RunId,
    DateTime StartedAtUtc,
    DateTime FinishedAtUtc,
    RunPlan Plan,
    IReadOnlyList<ContentMapResult> ContentMaps,
    IReadOnlyList<ContentShardResult> ContentShards,
    IReadOnlyList<SearchMapResult> SearchMaps,
    IReadOnlyList<SearchShardResult> SearchShards,
    ClassificationPlan? Classification,
    IReadOnlyList<ClassifyBatchResult> ClassifyBatches,
    IReadOnlyList<TableLoadResult> Tables,
    IReadOnlyList<StageTiming> Stages);

public sealed record StageTiming(string Stage, double Seconds);

/// <summary>The flow's output: where the report is, and whether any input had errors.</summary>
public sealed record PipelineResult(string RunId, string ReportName, bool InputErrors, IReadOnlyList<TableLoadResult> Tables);
