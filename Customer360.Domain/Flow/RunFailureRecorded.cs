namespace Customer360.Domain.Flow;

/// <summary>What recording a failed run did.</summary>
/// <param name="RunLogged">A <c>failed</c> row was written to the run log (false: no run log configured).</param>
/// <param name="ScratchDeleted">Scratch objects removed by the best-effort cleanup.</param>
/// <param name="CleanupError">Why the cleanup did not complete (null when it did); the scratch is then left for the next run of the id.</param>
public sealed record RunFailureRecorded(bool RunLogged, int ScratchDeleted, string? CleanupError);
