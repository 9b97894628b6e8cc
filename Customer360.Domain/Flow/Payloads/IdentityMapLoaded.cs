namespace Customer360.Domain.Flow;

/// <summary>The identity-map step's result.</summary>
/// <param name="Name">The validated map in the run's scratch, or null when no identity map is configured.</param>
/// <param name="Links">The map's contract ↔ user_id pairs.</param>
public sealed record IdentityMapLoaded(string? Name, int Links);
