using Microsoft.Extensions.Logging;

namespace Customer360.Domain.Flow;

/// <summary>
/// The port the pipeline flow is written against. It mirrors the parts of Durable Task's
/// <c>TaskOrchestrationContext</c> the flow needs, so the Azure orchestrator can hand its context over
/// one call for one call, and the local host can run the same flow in-process.
/// Implementations must keep the orchestrator rules: the flow only awaits what this port returns.
/// </summary>
public interface IFlowContext
{
    /// <summary>The run's instance id (deterministic, also the run id).</summary>
    string InstanceId { get; }

    /// <summary>Replay-safe current time (never <c>DateTime.UtcNow</c> inside the flow).</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>Calls an activity by name. Input and result must be small and JSON-serialisable.</summary>
    Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetryPolicy? retry = null);

    /// <summary>Publishes the stage and progress (Durable custom status; the local progress display).</summary>
    void SetCustomStatus(FlowStatus status);

    /// <summary>A logger that writes only when the flow is not replaying.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);
}
