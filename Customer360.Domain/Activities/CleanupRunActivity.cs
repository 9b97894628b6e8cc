using Customer360.Domain.Flow;

namespace Customer360.Domain.Activities;

/// <summary>
/// The flow's last step: removes the run's scratch (<c>runs/&lt;runId&gt;/</c> in the work store: shard results,
/// classification batches) once the tables and reports are written. Partials stay, for reuse by later runs.
/// A step of the flow, not of a host, so every host cleans up (Azure included). Idempotent.
/// </summary>
public sealed class CleanupRunActivity(PipelineEnvironment environment) : IActivity<string, int>
{
    public static string ScratchPrefix(string runId) => $"runs/{runId}/";

    /// <param name="input">The run id.</param>
    /// <returns>How many objects were deleted.</returns>
    public Task<int> RunAsync(string input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Contains('/', StringComparison.Ordinal) || input is "." or "..")
        {
            // Never let an odd id widen the prefix to other runs' scratch.
            throw new ArgumentException($"'{input}' is not a run id.", nameof(input));
        }
        return environment.Work.DeleteAllAsync(ScratchPrefix(input), cancellationToken);
    }
}
