namespace Customer360.Domain.Flow;

/// <summary>The flow's output: where the report is, and whether any input had errors.</summary>
public sealed record PipelineResult(string RunId, string ReportName, bool InputErrors, IReadOnlyList<TableLoadResult> Tables);
