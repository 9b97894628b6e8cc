namespace Customer360.Domain.Activities;

/// <summary>One unit of work of the flow. Runs at least once per call, so it must be idempotent.</summary>
public interface IActivity<in TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
