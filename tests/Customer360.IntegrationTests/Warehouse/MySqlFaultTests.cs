using System.Globalization;
using Customer360.Domain.Content;
using Customer360.Domain.Tables;
using Customer360.Domain.Warehouse;
using Customer360.Generation;
using MySqlConnector;

namespace Customer360.IntegrationTests.Warehouse;

/// <summary>
/// MySQL going wrong under a load: the server restarted in the middle of it, a lock wait timeout, two
/// loads of the same month at once. Each time the month holds exactly one load's rows, never a mix or a
/// half, no staging table is left, and a retry completes.
/// </summary>
[Collection(MySqlServerFaults.Name)]
public class MySqlFaultTests
{
    private const string ProfileColumns = "month, contract, truyen_hinh, phim_truyen, giai_tri, thieu_nhi, the_thao, total_devices, active_days, active_level, most_watch, taste";

    private static OutputTable Profiles(int month, int count, long seconds, string prefix = "K") =>
        ContentProfileTable.From([.. Enumerable.Range(0, count)
            .Select(i => new ContentProfileRow(month, string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D7}"), seconds, 0, 0, 0, 0, 1, 3, "Low", "Truyền Hình", "Truyền Hình"))]);

    private static Task<long> StagingTablesAsync(TestDatabase db) =>
        db.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE '%\\_\\_stage\\_%'");

    [Fact]
    public async Task A_server_restarted_in_the_middle_of_a_load_leaves_the_month_intact_and_the_retry_completes()
    {
        await using var db = await TestDatabase.CreateAsync();
        var sink = new MySqlTableSink(db.ConnectionString);
        await sink.WriteAsync(Profiles(202204, 1_000, seconds: 1), CancellationToken.None);
        long before = await db.ChecksumAsync("content_profile", ProfileColumns, "month = 202204");

        var big = Profiles(202204, 400_000, seconds: 2);
        var load = Task.Run(() => sink.WriteAsync(big, CancellationToken.None));
        Assert.True(await WaitForStatementAsync(db, load), "the load finished before the server could be restarted");
        await MariaDbServer.RestartAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => load);

        Assert.Equal(1_000, await db.ScalarAsync<long>("SELECT COUNT(*) FROM content_profile WHERE month = 202204"));
        Assert.Equal(before, await db.ChecksumAsync("content_profile", ProfileColumns, "month = 202204"));

        // The same sink (its pooled connections died with the server) loads again: exactly the new rows.
        await sink.WriteAsync(big, CancellationToken.None);
        Assert.Equal(400_000, await db.ScalarAsync<long>("SELECT COUNT(*) FROM content_profile WHERE month = 202204"));
        Assert.Equal(800_000, await db.ScalarAsync<long>("SELECT SUM(truyen_hinh) FROM content_profile"));
        Assert.Equal(0, await StagingTablesAsync(db));
    }

    [Fact]
    public async Task A_lock_wait_timeout_rolls_the_load_back_with_a_clear_error_and_a_retry_completes()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MySqlTableSink(db.ConnectionString).WriteAsync(Profiles(202204, 100, seconds: 1), CancellationToken.None);
        long before = await db.ChecksumAsync("content_profile", ProfileColumns, "month = 202204");

        await using var admin = new MySqlConnection(RequiredService.Get("C360_TEST_MYSQL_ADMIN"));
        await admin.OpenAsync();
        await ExecuteAsync(admin, "SET GLOBAL innodb_lock_wait_timeout = 2");
        try
        {
            // Another session holds the month's rows.
            await using var holder = new MySqlConnection(db.ConnectionString);
            await holder.OpenAsync();
            await using (var transaction = await holder.BeginTransactionAsync())
            {
                await using (var hold = new MySqlCommand("SELECT COUNT(*) FROM content_profile WHERE month = 202204 FOR UPDATE", holder, transaction))
                {
                    await hold.ExecuteScalarAsync();
                }
                // A new sink: new connections, which take the 2 s lock wait timeout.
                var error = await Assert.ThrowsAsync<TimeoutException>(() => new MySqlTableSink(db.ConnectionString).WriteAsync(Profiles(202204, 5_000, seconds: 2), CancellationToken.None));
                Assert.Contains("content_profile (months 202204) was rolled back", error.Message, StringComparison.Ordinal);
                Assert.Contains("1205", error.Message, StringComparison.Ordinal);
                await transaction.RollbackAsync();
            }

            Assert.Equal(before, await db.ChecksumAsync("content_profile", ProfileColumns, "month = 202204"));
            Assert.Equal(0, await StagingTablesAsync(db));
            await new MySqlTableSink(db.ConnectionString).WriteAsync(Profiles(202204, 5_000, seconds: 2), CancellationToken.None);
            Assert.Equal(10_000, await db.ScalarAsync<long>("SELECT SUM(truyen_hinh) FROM content_profile WHERE month = 202204"));
        }
        finally
        {
            await ExecuteAsync(admin, "SET GLOBAL innodb_lock_wait_timeout = DEFAULT");
        }
    }

    [Fact]
    public async Task Two_loads_of_the_same_month_at_once_leave_exactly_one_of_them()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MySqlTableSink(db.ConnectionString).WriteAsync(Profiles(202204, 10, seconds: 9), CancellationToken.None); // schema in place
        var a = Profiles(202204, 150_000, seconds: 1, prefix: "A");
        var b = Profiles(202204, 100_000, seconds: 2, prefix: "B");
        await Task.WhenAll(
            Task.Run(() => new MySqlTableSink(db.ConnectionString).WriteAsync(a, CancellationToken.None)),
            Task.Run(() => new MySqlTableSink(db.ConnectionString).WriteAsync(b, CancellationToken.None)));

        var rows = await db.QueryAsync("SELECT LEFT(contract, 1), COUNT(*), SUM(truyen_hinh) FROM content_profile WHERE month = 202204 GROUP BY LEFT(contract, 1)");
        var only = Assert.Single(rows); // never a mix of the two, nor the old rows
        Assert.True(
            (only[0] as string, Convert.ToInt64(only[1], CultureInfo.InvariantCulture), Convert.ToInt64(only[2], CultureInfo.InvariantCulture)) is ("A", 150_000, 150_000) or ("B", 100_000, 200_000),
            $"unexpected final state {string.Join(", ", only)}");
        Assert.Equal(0, await StagingTablesAsync(db));
    }

    [Fact]
    public async Task Two_runs_of_the_same_month_at_once_leave_one_runs_rows_and_both_are_in_the_run_log()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var temp = new TempFolder();
        // The same month from two different drops (a re-delivery racing the first run).
        var first = temp.Sub("first");
        var second = temp.Sub("second");
        new ContentLogGenerator(7, 400).Write(first, gzipLastDay: false, parallelism: 2);
        new ContentLogGenerator(8, 300).Write(second, gzipLastDay: false, parallelism: 2);
        var runs = await Task.WhenAll(
            Task.Run(() => RunAsync(db, first, temp.Sub("out-first"))),
            Task.Run(() => RunAsync(db, second, temp.Sub("out-second"))));

        long count = await db.ScalarAsync<long>("SELECT COUNT(*) FROM content_profile WHERE month = 202204");
        long checksum = await db.ChecksumAsync("content_profile", ProfileColumns, "month = 202204");
        var candidates = new List<(long Count, long Checksum)>();
        foreach (var output in new[] { "out-first", "out-second" })
        {
            var rows = ContentProfileCsv.Read(Path.Combine(temp.Path, output, OutputLayout.File("content_profile", 202204, OutputLayout.CsvExtension)));
            candidates.Add((rows.Count, await ChecksumOfAsync(db, rows)));
        }
        Assert.Contains((count, checksum), candidates); // exactly one run's rows, not a mix
        Assert.NotEqual(candidates[0], candidates[1]);

        var logged = await db.QueryAsync("SELECT run_id, status FROM pipeline_run ORDER BY run_id");
        Assert.Equal(runs.Select(r => r.RunId).Order(StringComparer.Ordinal), logged.Select(r => (string)r[0]!));
        Assert.All(logged, r => Assert.Equal("succeeded", r[1]));
        Assert.Equal(0, await StagingTablesAsync(db));
    }

    private static async Task<Domain.Flow.PipelineResult> RunAsync(TestDatabase db, string content, string output)
    {
        var (result, _) = await Cli.LocalPipelineRunner.RunAsync(new Cli.LocalRunOptions
        {
            ContentDirectory = content,
            OutputDirectory = output,
            Settings = new Domain.Hosting.PipelineSettings { MySqlConnectionString = db.ConnectionString },
        }, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, null, CancellationToken.None);
        return result;
    }

    /// <summary>The checksum <see cref="TestDatabase.ChecksumAsync"/> computes, of rows from a CSV file, computed by the same server.</summary>
    private static async Task<long> ChecksumOfAsync(TestDatabase db, IReadOnlyList<ContentProfileRow> rows)
    {
        var scratch = $"scratch_{Guid.NewGuid():N}"[..20];
        await using var connection = new MySqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"CREATE TEMPORARY TABLE `{scratch}` LIKE content_profile");
        var bulk = new MySqlBulkCopy(connection) { DestinationTableName = $"`{scratch}`" };
        await bulk.WriteToServerAsync(new OutputTableDataReader(ContentProfileTable.From([.. rows])));
        await using var command = new MySqlCommand($"SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', {ProfileColumns}))), 0) FROM `{scratch}`", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>True once the load's LOAD DATA/INSERT/DELETE shows in the process list; false only if the load ended first.</summary>
    private static async Task<bool> WaitForStatementAsync(TestDatabase db, Task load)
    {
        await using var admin = new MySqlConnection(RequiredService.Get("C360_TEST_MYSQL_ADMIN"));
        await admin.OpenAsync();
        while (!load.IsCompleted)
        {
            await using var find = new MySqlCommand("SELECT COUNT(*) FROM information_schema.processlist WHERE db = @db AND (info LIKE 'LOAD DATA%' OR info LIKE 'INSERT INTO%' OR info LIKE 'DELETE FROM%')", admin);
            find.Parameters.AddWithValue("@db", db.Name);
            if (Convert.ToInt64(await find.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0)
            {
                return true;
            }
            await Task.Delay(10);
        }
        return false;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
