using MySqlConnector;

namespace Customer360.Domain.Warehouse;

/// <summary>A MySQL named lock (<c>GET_LOCK</c>) held on one connection: two loads of the same table never interleave.</summary>
public sealed class MySqlNamedLock : IAsyncDisposable
{
    private readonly MySqlConnection _connection;
    private readonly string _name;

    private MySqlNamedLock(MySqlConnection connection, string name)
    {
        _connection = connection;
        _name = name;
    }

    public static async Task<MySqlNamedLock> AcquireAsync(MySqlConnection connection, string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("SELECT GET_LOCK(@name, @timeout)", connection);
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@timeout", (int)Math.Ceiling(timeout.TotalSeconds));
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (result is not (long and 1) && result is not (int and 1))
        {
            throw new TimeoutException($"Could not take the MySQL lock '{name}' within {timeout.TotalSeconds:F0}s: another load holds it.");
        }
        return new MySqlNamedLock(connection, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            return; // the server released it with the connection
        }
        await using var command = new MySqlCommand("SELECT RELEASE_LOCK(@name)", _connection);
        command.Parameters.AddWithValue("@name", _name);
        await command.ExecuteScalarAsync().ConfigureAwait(false);
    }
}
