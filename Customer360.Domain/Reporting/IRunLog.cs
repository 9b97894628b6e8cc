namespace Customer360.Domain.Reporting;

/// <summary>Where finished runs are recorded besides the report files (the <c>pipeline_run</c> table).</summary>
public interface IRunLog
{
    Task RecordAsync(RunReport report, CancellationToken cancellationToken);
}
