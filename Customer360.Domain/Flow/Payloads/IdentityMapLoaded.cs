namespace Customer360.Domain.Flow;

/// <summary>The identity-map step's result.</summary>
/// <param name="Name">The validated map in the run's scratch, or null when no identity map is configured.</param>
/// <param name="Source">Where it was read from (for the log), or null.</param>
public sealed record IdentityMapLoaded(string? Name, int Links, string? Source);
