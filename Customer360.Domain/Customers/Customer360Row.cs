using Customer360.Domain.Content;

namespace Customer360.Domain.Customers;

/// <summary>
/// One row of <c>customer_360</c> as <see cref="Customer360Builder"/> builds it: a (contract, user) pair with the
/// contract's latest content profile and the user's latest search, either missing for a one-stream customer.
/// A small struct over the rows it joins, so the full-scale view (≈3.8M rows) copies no columns.
/// </summary>
internal readonly record struct Customer360Row(string Contract, string User, ContentProfileRow? P, LatestSearch? S);
