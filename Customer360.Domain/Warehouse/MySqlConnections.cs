using MySqlConnector;

namespace Customer360.Domain.Warehouse;

/// <summary>Connection-string handling for the warehouse.</summary>
public static class MySqlConnections
{
    /// <summary>Bulk loads need LOAD DATA LOCAL on the client side; the rest of the settings are the user's.</summary>
    public static string ForBulkLoad(string connectionString) =>
        new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true, CharacterSet = "utf8mb4" }.ConnectionString;

    /// <summary>The connection string without its password, for logs and reports.</summary>
    public static string Redacted(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = "***";
        }
        return builder.ConnectionString;
    }
}
