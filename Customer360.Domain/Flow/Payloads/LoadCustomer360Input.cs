namespace Customer360.Domain.Flow;

/// <summary>The customer view's input: what the loads and the identity-map step handed over (<see cref="StreamLoadResult.Customer360Side"/>).</summary>
/// <param name="ContentSide">Each contract's latest profile row, or null when the run had no content files.</param>
/// <param name="SearchSide">Each user's latest search, or null when the run had no search files.</param>
/// <param name="IdentityMap">The run's validated identity map (<see cref="IdentityMapLoaded.Name"/>), or null = contract is user_id.</param>
public sealed record LoadCustomer360Input(string RunId, string? ContentSide, string? SearchSide, string? IdentityMap);
