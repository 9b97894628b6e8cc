using Customer360.Domain.Customers;
using Customer360.Domain.Tables;
using MySqlConnector;

namespace Customer360.Domain.Warehouse;

/// <summary>Replaces <c>customer_identity</c> with a new identity map in one transaction (the identity-map step's warehouse copy).</summary>
public sealed class MySqlIdentityMap(string connectionString) : IIdentityMapSink
{
    public async Task ReplaceAsync(IReadOnlyList<IdentityLink> links, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(MySqlConnections.ForBulkLoad(connectionString));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await MySqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await MySqlSchema.ExecuteAsync(connection, "DELETE FROM customer_identity", cancellationToken, transaction).ConfigureAwait(false);
        var table = new OutputTable("customer_identity",
        [
            Column.OfText("contract", links, l => l.Contract),
            Column.OfText("user_id", links, l => l.UserId),
        ]);
        var bulk = new MySqlBulkCopy(connection, transaction) { DestinationTableName = "customer_identity", BulkCopyTimeout = 0 };
        await bulk.WriteToServerAsync(new OutputTableDataReader(table), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
