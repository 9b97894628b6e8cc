using Customer360.Domain.Activities;

namespace Customer360.Tests.Flow;

/// <summary>An activity that runs the given function (to wrap a real activity with a test's own ordering).</summary>
public sealed class DelegateActivity<TInput, TOutput>(Func<TInput, CancellationToken, Task<TOutput>> run) : IActivity<TInput, TOutput>
{
    public Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken) => run(input, cancellationToken);
}
