namespace Customer360.Domain.Flow;

/// <summary>A run that failed for good: which stage, why (the failure's message as the engine reported it), and when.</summary>
/// <param name="Stage">The flow's stage that failed (the custom-status stage name, e.g. <c>reduce_search</c>).</param>
public sealed record RunFailure(string RunId, string Stage, string Reason, DateTime StartedAtUtc, DateTime FailedAtUtc);
