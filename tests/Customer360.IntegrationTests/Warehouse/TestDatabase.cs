using MySqlConnector;

namespace Customer360.IntegrationTests.Warehouse;

/// <summary>A fresh database on the test MariaDB, dropped on dispose, so tests are independent.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private TestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new MySqlConnectionStringBuilder(admin) { Database = name, AllowLoadLocalInfile = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = RequiredService.Get("C360_TEST_MYSQL_ADMIN");
        var name = "c360_t_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new MySqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(admin, name);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value is DBNull ? null : value, typeof(T), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
        }
        return rows;
    }

    /// <summary>An order-independent checksum of a table's rows for some months.</summary>
    public Task<long> ChecksumAsync(string table, string columns, string where) =>
        ScalarAsync<long>($"SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', {columns}))), 0) FROM `{table}` WHERE {where}");

    public async ValueTask DisposeAsync()
    {
        await using var connection = new MySqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{Name}`", connection);
        await command.ExecuteNonQueryAsync();
    }
}
