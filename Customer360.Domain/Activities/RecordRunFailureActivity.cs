using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using Customer360.Domain.WorkStore;
using Microsoft.Extensions.Logging;

namespace Customer360.Domain.Activities;

/// <summary>
/// The flow's step when another step failed for good: writes a <c>failed</c> row to the run log (when one is
/// configured), then removes the run's scratch best-effort — a cleanup error is returned and logged, never
/// allowed to hide the run's own failure. Idempotent (the run log write is an upsert by run id).
/// </summary>
public sealed partial class RecordRunFailureActivity(PipelineEnvironment environment) : IActivity<RunFailure, RunFailureRecorded>
{
    public async Task<RunFailureRecorded> RunAsync(RunFailure input, CancellationToken cancellationToken)
    {
        var logged = false;
        if (environment.RunLog is { } runLog)
        {
            await runLog.RecordFailureAsync(input, cancellationToken).ConfigureAwait(false);
            logged = true;
        }
        try
        {
            var deleted = await new RunScratch(environment.Work).DeleteAsync(input.RunId, cancellationToken).ConfigureAwait(false);
            return new RunFailureRecorded(logged, deleted, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCleanupFailed(environment.LoggerFactory.CreateLogger<RecordRunFailureActivity>(), ex, input.RunId);
            return new RunFailureRecorded(logged, 0, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} failed and its scratch could not be removed; it is left for the next run of the id")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, string runId);
}
