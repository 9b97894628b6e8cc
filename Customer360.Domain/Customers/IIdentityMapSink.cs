namespace Customer360.Domain.Customers;

/// <summary>Where a loaded identity map is kept for queries besides the run (the MySQL <c>customer_identity</c> table).</summary>
public interface IIdentityMapSink
{
    /// <summary>Replaces the stored map with <paramref name="links"/> atomically.</summary>
    Task ReplaceAsync(IReadOnlyList<IdentityLink> links, CancellationToken cancellationToken);
}
