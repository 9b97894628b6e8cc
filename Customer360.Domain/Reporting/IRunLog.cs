using Customer360.Domain.Flow;

namespace Customer360.Domain.Reporting;

/// <summary>Where runs are recorded besides the report files (the <c>pipeline_run</c> table): finished runs and failed ones.</summary>
public interface IRunLog
{
    Task RecordAsync(RunReport report, CancellationToken cancellationToken);

    /// <summary>Records a run that failed for good (status <c>failed</c>, the stage and the reason).</summary>
    Task RecordFailureAsync(RunFailure failure, CancellationToken cancellationToken);
}
