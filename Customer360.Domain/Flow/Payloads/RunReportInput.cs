namespace Customer360.Domain.Flow;

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
