using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using MySqlConnector;

namespace Customer360.Domain.Warehouse;

/// <summary>
/// Records each run in <c>pipeline_run</c>: id, start, finish, status, inputs and counts (JSON), and for a failed
/// run the stage and the reason. One row per run id (the primary key), upserted: a run id that is run again
/// (the Azure instance ids <c>month-YYYYMM</c> are reused) shows its latest attempt, succeeded or failed.
/// </summary>
public sealed class MySqlRunLog(string connectionString) : IRunLog
{
    /// <summary>Longer reasons are cut (the column is TEXT, 64 KiB; a reason is a message, not a dump).</summary>
    public const int MaxReasonLength = 8_000;

    public async Task RecordAsync(RunReport report, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(
            """
            INSERT INTO pipeline_run (run_id, started_at, finished_at, status, inputs, counts, failed_stage, failure_reason) VALUES (@id, @started, @finished, @status, @inputs, @counts, NULL, NULL)
            ON DUPLICATE KEY UPDATE started_at = VALUES(started_at), finished_at = VALUES(finished_at), status = VALUES(status), inputs = VALUES(inputs), counts = VALUES(counts),
              failed_stage = NULL, failure_reason = NULL
            """, connection);
        command.Parameters.AddWithValue("@id", report.RunId);
        command.Parameters.AddWithValue("@started", report.StartedAtUtc);
        command.Parameters.AddWithValue("@finished", report.FinishedAtUtc);
        command.Parameters.AddWithValue("@status", report.Status);
        command.Parameters.AddWithValue("@inputs", JsonSerializer.Serialize(report.Inputs, FlowJson.Options));
        command.Parameters.AddWithValue("@counts", JsonSerializer.Serialize(new { report.Content, report.Search, report.Classification, report.Tables }, FlowJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordFailureAsync(RunFailure failure, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // A failed run has no report: inputs and counts are '{}' (an earlier attempt's counts would be misleading).
        await using var command = new MySqlCommand(
            """
            INSERT INTO pipeline_run (run_id, started_at, finished_at, status, inputs, counts, failed_stage, failure_reason) VALUES (@id, @started, @finished, 'failed', '{}', '{}', @stage, @reason)
            ON DUPLICATE KEY UPDATE started_at = VALUES(started_at), finished_at = VALUES(finished_at), status = VALUES(status), inputs = VALUES(inputs), counts = VALUES(counts),
              failed_stage = VALUES(failed_stage), failure_reason = VALUES(failure_reason)
            """, connection);
        command.Parameters.AddWithValue("@id", failure.RunId);
        command.Parameters.AddWithValue("@started", failure.StartedAtUtc);
        command.Parameters.AddWithValue("@finished", failure.FailedAtUtc);
        command.Parameters.AddWithValue("@stage", failure.Stage);
        command.Parameters.AddWithValue("@reason", failure.Reason.Length > MaxReasonLength ? failure.Reason[..MaxReasonLength] : failure.Reason);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await MySqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
