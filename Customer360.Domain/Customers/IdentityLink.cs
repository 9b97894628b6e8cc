namespace Customer360.Domain.Customers;

/// <summary>One row of the identity map: a content contract and the search user it belongs to.</summary>
public sealed record IdentityLink(string Contract, string UserId);
