using Microsoft.Extensions.Logging;

namespace Customer360.Domain.Flow;

/// <summary>The flow's log messages (source-generated; called with the port's replay-safe logger).</summary>
internal static partial class FlowLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed at {Stage} and the failure could not be recorded in the run log")]
    public static partial void FailureNotRecorded(ILogger logger, Exception exception, string runId, string stage);
}
