using Customer360.Domain.Flow;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Customer360.Functions;

/// <summary>
/// Hands Durable Task's orchestration context to the shared flow through the <see cref="IFlowContext"/> port.
/// One member maps to one call; nothing else happens here.
/// </summary>
internal sealed class DurableFlowContext(TaskOrchestrationContext context) : IFlowContext
{
    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetryPolicy? retry = null) =>
        context.CallActivityAsync<TResult>(name, input, retry is null ? null : TaskOptions.FromRetryPolicy(new RetryPolicy(
            retry.MaxNumberOfAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval)));

    public void SetCustomStatus(FlowStatus status) => context.SetCustomStatus(status);

    public ILogger CreateReplaySafeLogger(string categoryName) => context.CreateReplaySafeLogger(categoryName);
}
