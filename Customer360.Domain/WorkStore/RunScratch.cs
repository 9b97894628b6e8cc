using Customer360.Domain.Storage;

namespace Customer360.Domain.WorkStore;

/// <summary>A run's scratch folder (<see cref="WorkNames.RunScratch"/>): everything a run writes besides the partials.</summary>
public sealed class RunScratch(IBlobStore work)
{
    /// <summary>Removes the run's scratch; idempotent. Partials stay, for reuse by later runs.</summary>
    /// <returns>How many objects were deleted.</returns>
    public Task<int> DeleteAsync(string runId, CancellationToken cancellationToken) =>
        work.DeleteAllAsync(WorkNames.RunScratch(runId), cancellationToken);
}
