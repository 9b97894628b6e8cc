namespace Customer360.Domain.Flow;

/// <summary>Retry options for one activity call, the same knobs as Durable Task's <c>RetryPolicy</c>.</summary>
public sealed record ActivityRetryPolicy(int MaxNumberOfAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 2.0, TimeSpan? MaxRetryInterval = null)
{
    /// <summary>The policy the flow uses for I/O-bound steps.</summary>
    public static ActivityRetryPolicy Default { get; } = new(3, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(30));
}
