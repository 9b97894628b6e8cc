using Customer360.Domain.Storage;

namespace Customer360.Domain.Customers;

/// <summary>
/// Where the run's identity map is (<c>C360_IDENTITY_MAP</c>): a CSV blob in the logs container (Azure) or a
/// file (CLI), as a store and a name in it.
/// </summary>
/// <param name="Setting">How the user named the setting, for errors (<c>C360_IDENTITY_MAP</c>, <c>--identity-map</c>).</param>
public sealed record IdentityMapSource(IBlobStore Store, string Name, string Setting);
