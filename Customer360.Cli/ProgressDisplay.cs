using System.Globalization;
using Customer360.Domain.Flow;
using Spectre.Console;

namespace Customer360.Cli;

/// <summary>
/// Shows the flow's stage and progress: a live progress bar per stage on a terminal, plain log lines
/// when output is redirected or <c>CI</c> is set.
/// </summary>
public static class ProgressDisplay
{
    public static bool IsInteractive =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static async Task<T> RunAsync<T>(Func<Action<FlowStatus>, Task<T>> run)
    {
        // The two streams' stages run at once, so each stage keeps its own clock (since its first status).
        var stageClocks = new Dictionary<string, System.Diagnostics.Stopwatch>(StringComparer.Ordinal);
        var gate = new Lock();
        TimeSpan Elapsed(string stage, out bool first)
        {
            first = !stageClocks.TryGetValue(stage, out var clock);
            if (first)
            {
                stageClocks[stage] = clock = System.Diagnostics.Stopwatch.StartNew();
            }
            return clock!.Elapsed;
        }

        if (!IsInteractive)
        {
            return await run(status =>
            {
                lock (gate)
                {
                    // One line per stage start and per completed step; enough to follow a run in CI logs.
                    var elapsed = Elapsed(status.Stage, out bool first);
                    if (!first && status.Done == 0)
                    {
                        return;
                    }
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {status.Stage} {status.Done}/{status.Total}{RowsPerSecond(status, elapsed)}"));
                }
            }).ConfigureAwait(false);
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                result = await run(status =>
                {
                    lock (gate)
                    {
                        var elapsed = Elapsed(status.Stage, out _);
                        if (!tasks.TryGetValue(status.Stage, out var task))
                        {
                            tasks[status.Stage] = task = ctx.AddTask(status.Stage, maxValue: Math.Max(status.Total, 1));
                        }
                        task.Description = status.Stage + RowsPerSecond(status, elapsed);
                        task.MaxValue = Math.Max(status.Total, 1);
                        task.Value = status.Done;
                    }
                }).ConfigureAwait(false);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            }).ConfigureAwait(false);
        return result;
    }

    private static string RowsPerSecond(FlowStatus status, TimeSpan elapsed) =>
        status.Rows > 0 && elapsed.TotalSeconds > 0
            ? string.Create(CultureInfo.InvariantCulture, $"  {status.Rows:N0} rows, {status.Rows / elapsed.TotalSeconds:N0} rows/s")
            : "";
}
