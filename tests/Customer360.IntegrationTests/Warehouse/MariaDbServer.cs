using System.Diagnostics;
using System.Globalization;
using MySqlConnector;

namespace Customer360.IntegrationTests.Warehouse;

/// <summary>
/// Restarts the test MariaDB that scripts/services/mariadb.sh started (same data folder, same port):
/// SHUTDOWN over the admin connection, wait for the process to exit, start it again from its my.cnf,
/// wait until it answers. Only for tests in <see cref="MySqlServerFaults"/>.
/// </summary>
internal static class MariaDbServer
{
    /// <summary>A deadline for a broken server only; a healthy restart takes seconds even on a loaded machine.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    public static async Task RestartAsync()
    {
        var dir = Path.Combine(RequiredService.Get("C360_SVC_DIR"), "mariadb");
        int pid = int.Parse((await File.ReadAllTextAsync(Path.Combine(dir, "mysqld.pid"))).Trim(), CultureInfo.InvariantCulture);
        var admin = RequiredService.Get("C360_TEST_MYSQL_ADMIN");
        await using (var connection = new MySqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var shutdown = new MySqlCommand("SHUTDOWN", connection);
            await shutdown.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            Assert.True(clock.Elapsed < GiveUpAfter, "MariaDB did not stop");
            await Task.Delay(100);
        }

        // Detached (nohup, output to the service log) so it outlives this test process, like mariadb_up's.
        var log = Path.Combine(RequiredService.Get("C360_SVC_DIR"), "logs", "mariadbd.out");
        using (var start = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"nohup mariadbd --defaults-file='{dir}/my.cnf' >>'{log}' 2>&1 &"]) { UseShellExecute = false })!)
        {
            await start.WaitForExitAsync();
        }
        while (true)
        {
            try
            {
                await using var connection = new MySqlConnection(admin);
                await connection.OpenAsync();
                return;
            }
            catch (MySqlException) when (clock.Elapsed < GiveUpAfter)
            {
                await Task.Delay(200);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
