using Customer360.Domain.Activities;

namespace Customer360.Tests.Flow;

/// <summary>An activity that fails every attempt with the given error, counting the attempts.</summary>
public sealed class AlwaysFailingActivity<TInput, TOutput>(Func<Exception> error) : IActivity<TInput, TOutput>
{
    private int _attempts;

    public int Attempts => _attempts;

    public Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        throw error();
    }
}
