using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using MySqlConnector;

namespace Customer360.Domain.Warehouse;

/// <summary>Records each run in <c>pipeline_run</c>: id, start, finish, status, inputs and counts (JSON).</summary>
public sealed class MySqlRunLog(string connectionString) : IRunLog
{
    public async Task RecordAsync(RunReport report, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await MySqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(
            """
            INSERT INTO pipeline_run (run_id, started_at, finished_at, status, inputs, counts) VALUES (@id, @started, @finished, @status, @inputs, @counts)
            ON DUPLICATE KEY UPDATE started_at = VALUES(started_at), finished_at = VALUES(finished_at), status = VALUES(status), inputs = VALUES(inputs), counts = VALUES(counts)
            """, connection);
        command.Parameters.AddWithValue("@id", report.RunId);
        command.Parameters.AddWithValue("@started", report.StartedAtUtc);
        command.Parameters.AddWithValue("@finished", report.FinishedAtUtc);
        command.Parameters.AddWithValue("@status", report.Status);
        command.Parameters.AddWithValue("@inputs", JsonSerializer.Serialize(report.Inputs, FlowJson.Options));
        command.Parameters.AddWithValue("@counts", JsonSerializer.Serialize(new { report.Content, report.Search, report.Classification, report.Tables }, FlowJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
