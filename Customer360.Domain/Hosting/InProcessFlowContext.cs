using System.Collections.Concurrent;
using System.Text.Json;
using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Customer360.Domain.Hosting;

/// <summary>
/// The local host's flow engine, the in-process counterpart of the Durable Task engine (hence here in the
/// hosting layer, not in <c>Flow/</c>, which holds only the pure flow and its port): runs activities on the
/// thread pool with bounded parallelism and the flow's retry policies (Polly). Payloads go through JSON
/// exactly as they would in Durable Functions, so a payload that would not survive the Azure host fails here
/// too. Every completed call is recorded (<see cref="Calls"/>; the payload-contract and failure tests read them).
/// </summary>
public sealed class InProcessFlowContext : IFlowContext, IDisposable
{
    private readonly ActivityCatalog _catalog;
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationToken _cancellationToken;
    private readonly ConcurrentQueue<RecordedActivityCall> _calls = new();

    public InProcessFlowContext(string instanceId, ActivityCatalog catalog, int parallelism, ILoggerFactory loggerFactory, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        InstanceId = instanceId;
        _catalog = catalog;
        _slots = new SemaphoreSlim(parallelism, parallelism);
        _loggerFactory = loggerFactory;
        _time = time ?? TimeProvider.System;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Raised on every status change (the progress display listens).</summary>
    public event Action<FlowStatus>? StatusChanged;

    public string InstanceId { get; }

    public DateTime CurrentUtcDateTime => _time.GetUtcNow().UtcDateTime;

    public FlowStatus? Status { get; private set; }

    /// <summary>Completed activity calls, in completion order.</summary>
    public IReadOnlyCollection<RecordedActivityCall> Calls => _calls;

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetryPolicy? retry = null)
    {
        var payload = JsonSerializer.SerializeToElement(input, FlowJson.Payload);
        var pipeline = BuildRetryPipeline(retry);
        // Task.Run: the flow starts a whole fan-out before awaiting, so activities must not run inline.
        return Task.Run(async () =>
        {
            await _slots.WaitAsync(_cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await pipeline.ExecuteAsync(ct => new ValueTask<JsonElement>(_catalog.InvokeAsync(name, payload, ct)), _cancellationToken).ConfigureAwait(false);
                _calls.Enqueue(new RecordedActivityCall(name, payload, result));
                return result.Deserialize<TResult>(FlowJson.Payload)!;
            }
            finally
            {
                _slots.Release();
            }
        }, _cancellationToken);
    }

    public void SetCustomStatus(FlowStatus status)
    {
        Status = status;
        StatusChanged?.Invoke(status);
    }

    public ILogger CreateReplaySafeLogger(string categoryName) => _loggerFactory.CreateLogger(categoryName);

    public void Dispose() => _slots.Dispose();

    private static ResiliencePipeline BuildRetryPipeline(ActivityRetryPolicy? retry)
    {
        if (retry is null || retry.MaxNumberOfAttempts <= 1)
        {
            return ResiliencePipeline.Empty;
        }
        return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = retry.MaxNumberOfAttempts - 1,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
            // Durable's schedule: first interval × coefficient^(attempt), capped.
            DelayGenerator = args =>
            {
                var delay = retry.FirstRetryInterval * Math.Pow(retry.BackoffCoefficient, args.AttemptNumber);
                if (retry.MaxRetryInterval is { } max && delay > max)
                {
                    delay = max;
                }
                return new ValueTask<TimeSpan?>(delay);
            },
        }).Build();
    }
}
