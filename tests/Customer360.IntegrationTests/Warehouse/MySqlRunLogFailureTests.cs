using Customer360.Cli;
using Customer360.Domain.Flow;
using Customer360.Domain.Warehouse;
using Customer360.Generation;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace Customer360.IntegrationTests.Warehouse;

/// <summary>Failed runs in <c>pipeline_run</c> on a real MariaDB: the CLI's failed load, and a reused run id.</summary>
public class MySqlRunLogFailureTests
{
    private static Task<(PipelineResult Result, Domain.Reporting.RunReport Report)> RunAsync(TestDatabase db, string content, string output) =>
        LocalPipelineRunner.RunAsync(new LocalRunOptions
        {
            ContentDirectory = content,
            OutputDirectory = output,
            Parallelism = 2,
            Settings = new() { MySqlConnectionString = db.ConnectionString },
        }, NullLoggerFactory.Instance, null, CancellationToken.None);

    private static async Task ExecuteAsync(TestDatabase db, string sql)
    {
        await using var connection = new MySqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await MySqlSchema.MigrateAsync(connection, CancellationToken.None);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_CLI_run_whose_MySQL_load_cannot_succeed_leaves_a_failed_row_with_the_stage_and_the_reason()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        new ContentLogGenerator(7, 200).Write(content, gzipLastDay: false, parallelism: 2);
        // The warehouse's content_profile lost a column the load writes: every attempt of LoadContent fails the same way.
        await ExecuteAsync(db, "ALTER TABLE content_profile RENAME COLUMN taste TO taste_gone");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(db, content, temp.Sub("out")));

        var rows = await db.QueryAsync("SELECT run_id, status, failed_stage, failure_reason, started_at <= finished_at, counts FROM pipeline_run");
        var row = Assert.Single(rows);
        Assert.StartsWith("local-", (string)row[0]!, StringComparison.Ordinal);
        Assert.Equal("failed", row[1]);
        Assert.Equal("load_content", row[2]);
        Assert.Equal(error.Message, row[3]);
        Assert.Contains("taste", (string)row[3]!, StringComparison.Ordinal);
        Assert.Equal(1, Convert.ToInt32(row[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("{}", row[5]);

        // Repaired, the next run succeeds and is recorded next to the failed one.
        await ExecuteAsync(db, "ALTER TABLE content_profile RENAME COLUMN taste_gone TO taste");
        var (ok, _) = await RunAsync(db, content, temp.Sub("out-2"));
        var statuses = await db.QueryAsync($"SELECT status FROM pipeline_run WHERE run_id = '{ok.RunId}'");
        Assert.Equal("succeeded", Assert.Single(statuses)[0]);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM pipeline_run"));
    }

    [Fact]
    public async Task A_reused_run_id_shows_its_latest_attempt_failed_then_succeeded_then_failed()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        new ContentLogGenerator(8, 100).Write(content, gzipLastDay: false, parallelism: 2);
        var (_, report) = await RunAsync(db, content, temp.Sub("out"));
        var log = new MySqlRunLog(db.ConnectionString);
        const string id = "month-202204"; // the Azure instance id, reused by every run of the month
        var at = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        const string Row = "SELECT status, failed_stage, failure_reason, counts FROM pipeline_run WHERE run_id = 'month-202204'";

        await log.RecordFailureAsync(new RunFailure(id, "reduce_search", "Task 'ReduceSearchShard' (#4) failed with an unhandled exception: corrupt", at, at.AddMinutes(1)), CancellationToken.None);
        var failed = Assert.Single(await db.QueryAsync(Row));
        Assert.Equal(["failed", "reduce_search", "Task 'ReduceSearchShard' (#4) failed with an unhandled exception: corrupt", "{}"], failed);

        await log.RecordAsync(report with { RunId = id }, CancellationToken.None);
        var succeeded = Assert.Single(await db.QueryAsync(Row));
        Assert.Equal("succeeded", succeeded[0]);
        Assert.Null(succeeded[1]);
        Assert.Null(succeeded[2]);
        Assert.Contains("\"tables\"", (string)succeeded[3]!, StringComparison.Ordinal);

        await log.RecordFailureAsync(new RunFailure(id, "load_search", new string('x', 20_000), at.AddDays(1), at.AddDays(1).AddMinutes(2)), CancellationToken.None);
        var again = Assert.Single(await db.QueryAsync(Row));
        Assert.Equal("failed", again[0]);
        Assert.Equal("load_search", again[1]);
        Assert.Equal(MySqlRunLog.MaxReasonLength, ((string)again[2]!).Length);
        Assert.Equal("{}", again[3]);
    }
}
