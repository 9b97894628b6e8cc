using System.Collections.Concurrent;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;

namespace Customer360.Tests.Reporting;

/// <summary>A run log in memory: what the pipeline recorded, for assertions (MySQL has its own tests).</summary>
public sealed class RecordingRunLog(Exception? failFailures = null) : IRunLog
{
    public ConcurrentQueue<RunReport> Reports { get; } = new();

    public ConcurrentQueue<RunFailure> Failures { get; } = new();

    public Task RecordAsync(RunReport report, CancellationToken cancellationToken)
    {
        Reports.Enqueue(report);
        return Task.CompletedTask;
    }

    public Task RecordFailureAsync(RunFailure failure, CancellationToken cancellationToken)
    {
        if (failFailures is not null)
        {
            throw failFailures;
        }
        Failures.Enqueue(failure);
        return Task.CompletedTask;
    }
}
