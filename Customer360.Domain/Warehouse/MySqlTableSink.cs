using Customer360.Domain.Tables;
using MySqlConnector;

namespace Customer360.Domain.Warehouse;

/// <summary>
/// Writes month-scoped tables to MySQL atomically and idempotently: bulk load into a private staging
/// table, then in ONE transaction delete the months the table covers and insert the staged rows. Readers
/// (InnoDB snapshots) see the old month or the new one, never half; other months are untouched; a rerun
/// replaces the month exactly; a failure at any point leaves the previous state. Loads of the same table
/// are serialised by a named lock.
/// </summary>
public sealed class MySqlTableSink(string connectionString) : ITableSink
{
    private readonly string _connectionString = MySqlConnections.ForBulkLoad(connectionString);
    private bool _migrated;

    public async Task<IReadOnlyList<string>> WriteAsync(OutputTable table, CancellationToken cancellationToken)
    {
        // The tables this sink loads are those whose schema (our code, never input) names a load scope column;
        // keyword_category is the shared cache (MySqlKeywordCache owns it); customer_360 is a view.
        if (table.Schema?.LoadScopeColumn is not { } scope)
        {
            return [];
        }
        await using var connection = new MySqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_migrated)
        {
            await MySqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        var months = table[scope] is Int32Column column ? Enumerable.Range(0, column.Count).Select(i => column[i]).Distinct().Order().ToArray() : throw new InvalidOperationException($"{table.Name}.{scope} must be an int column.");
        if (months.Length == 0)
        {
            return [];
        }

        await using var lockHandle = await MySqlNamedLock.AcquireAsync(connection, "c360:load:" + table.Name, TimeSpan.FromMinutes(10), cancellationToken).ConfigureAwait(false);
        // With the lock held no other load of this table runs, so any staging table left is from a crashed load.
        foreach (var stale in await StagingTablesAsync(connection, table.Name, cancellationToken).ConfigureAwait(false))
        {
            await MySqlSchema.ExecuteAsync(connection, $"DROP TABLE IF EXISTS `{stale}`", cancellationToken).ConfigureAwait(false);
        }
        var staging = $"{table.Name}__stage_{Guid.NewGuid():N}"[..Math.Min(64, table.Name.Length + 40)];
        await MySqlSchema.ExecuteAsync(connection, $"CREATE TABLE `{staging}` LIKE `{table.Name}`", cancellationToken).ConfigureAwait(false);
        try
        {
            var bulk = new MySqlBulkCopy(connection) { DestinationTableName = $"`{staging}`", BulkCopyTimeout = 0 };
            var loaded = await bulk.WriteToServerAsync(new OutputTableDataReader(table), cancellationToken).ConfigureAwait(false);
            if (loaded.RowsInserted != table.RowCount || loaded.Warnings.Count > 0)
            {
                throw new InvalidOperationException($"Bulk load of {table.Name} inserted {loaded.RowsInserted} of {table.RowCount} rows with {loaded.Warnings.Count} warnings: {string.Join("; ", loaded.Warnings.Take(3).Select(w => w.Message))}");
            }

            var columns = string.Join(", ", table.Columns.Select(c => $"`{c.Name}`"));
            // Months are ints from our own table: safe to inline; the identifiers come from the table's schema.
            var inList = string.Join(", ", months);
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await MySqlSchema.ExecuteAsync(connection, $"DELETE FROM `{table.Name}` WHERE `{scope}` IN ({inList})", cancellationToken, transaction).ConfigureAwait(false);
                await MySqlSchema.ExecuteAsync(connection, $"INSERT INTO `{table.Name}` ({columns}) SELECT {columns} FROM `{staging}`", cancellationToken, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MySqlException ex) when (ex.ErrorCode is MySqlErrorCode.LockWaitTimeout or MySqlErrorCode.LockDeadlock)
            {
                // Another transaction holds rows of these months. Ours was rolled back as a whole, so the
                // months keep their previous rows; the step's retry policy tries again.
                throw new TimeoutException(
                    $"Loading {table.Name} (months {inList}) was rolled back: another transaction held rows of these months ({ex.Message} — MySQL error {(int)ex.ErrorCode}; see innodb_lock_wait_timeout). The previous rows are intact; the load can be retried.", ex);
            }
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await MySqlSchema.ExecuteAsync(connection, $"DROP TABLE IF EXISTS `{staging}`", CancellationToken.None).ConfigureAwait(false);
            }
        }
        return [$"mysql:{table.Name}"];
    }

    private static async Task<List<string>> StagingTablesAsync(MySqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE @pattern", connection);
        command.Parameters.AddWithValue("@pattern", table.Replace("_", "\\_", StringComparison.Ordinal) + "\\_\\_stage\\_%");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
