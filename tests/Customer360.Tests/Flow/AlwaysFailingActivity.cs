using Customer360.Domain.Activities;

namespace Customer360.Tests.Flow;

/// <summary>An activity that fails every attempt with the given error, counting the attempts (and telling <paramref name="attempted"/> each one's number first).</summary>
public sealed class AlwaysFailingActivity<TInput, TOutput>(Func<Exception> error, Action<int>? attempted = null) : IActivity<TInput, TOutput>
{
    private int _attempts;

    public int Attempts => _attempts;

    public Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken)
    {
        int attempt = Interlocked.Increment(ref _attempts);
        attempted?.Invoke(attempt);
        throw error();
    }
}
