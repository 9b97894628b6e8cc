namespace Customer360.Tests.Flow;

/// <summary>
/// Runs flow code the way Durable runs an orchestrator: on one thread, continuations one at a time in the order
/// they were posted, whatever threads the activities complete on.
/// </summary>
internal sealed class SerialSynchronizationContext : SynchronizationContext, IDisposable
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly SemaphoreSlim _posted = new(0);

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queue)
        {
            _queue.Enqueue((d, state));
        }
        _posted.Release();
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("The flow never sends.");

    /// <summary>
    /// Runs <paramref name="body"/> on the calling thread until its task ends. When nothing is queued,
    /// <paramref name="whenIdle"/> (if given) may make progress (complete the next recorded activity) and returns
    /// false when it has nothing left; without it the pump waits for a continuation posted from another thread.
    /// </summary>
    public static T Run<T>(Func<Task<T>> body, Func<bool>? whenIdle = null)
    {
        var previous = Current;
        using var context = new SerialSynchronizationContext();
        SetSynchronizationContext(context);
        try
        {
            var task = body();
            while (!task.IsCompleted)
            {
                if (context.TryDequeue(out var work))
                {
                    work.Callback(work.State);
                }
                else if (whenIdle is not null)
                {
                    if (!whenIdle())
                    {
                        throw new InvalidOperationException("The flow waits for a step the history never completes.");
                    }
                }
                else
                {
                    context._posted.Wait(TimeSpan.FromMilliseconds(100));
                }
            }
            return task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public void Dispose() => _posted.Dispose();

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) work)
    {
        lock (_queue)
        {
            return _queue.TryDequeue(out work);
        }
    }
}
