using Customer360.Domain.Flow;
using Microsoft.Extensions.Logging;

namespace Customer360.Functions.Tests.Payloads;

/// <summary>Passes every call to the local flow context and keeps the typed input and result of each activity call.</summary>
public sealed class RecordingFlowContext(IFlowContext inner) : IFlowContext
{
    public sealed record ActivityCall(string Name, object? Input, object? Result, Type ResultType);

    public List<ActivityCall> Calls { get; } = [];

    public List<FlowStatus> Statuses { get; } = [];

    public string InstanceId => inner.InstanceId;

    public DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetryPolicy? retry = null)
    {
        var result = await inner.CallActivityAsync<TResult>(name, input, retry);
        lock (Calls)
        {
            Calls.Add(new ActivityCall(name, input, result, typeof(TResult)));
        }
        return result;
    }

    public void SetCustomStatus(FlowStatus status)
    {
        lock (Statuses)
        {
            Statuses.Add(status);
        }
        inner.SetCustomStatus(status);
    }

    public ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);
}
