using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>
/// The flow's last step: removes the run's scratch (<see cref="WorkNames.RunScratch"/>: shard results, keyword lists,
/// classification batches, hand-offs) once the tables and reports are written. Partials stay, for reuse by later runs.
/// A step of the flow, not of a host, so every host cleans up (Azure included). Idempotent.
/// </summary>
public sealed class CleanupRunActivity(PipelineEnvironment environment) : IActivity<string, int>
{
    /// <param name="input">The run id.</param>
    /// <returns>How many objects were deleted.</returns>
    public Task<int> RunAsync(string input, CancellationToken cancellationToken) =>
        new RunScratch(environment.Work).DeleteAsync(input, cancellationToken);
}
