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
        if (!IsInteractive)
        {
            string? lastStage = null;
            var gate = new Lock();
            return await run(status =>
            {
                lock (gate)
                {
                    // One line per stage start and per completed step; enough to follow a run in CI logs.
                    if (status.Stage != lastStage || status.Done > 0)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {status.Stage} {status.Done}/{status.Total}"));
                        lastStage = status.Stage;
                    }
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
                var gate = new Lock();
                result = await run(status =>
                {
                    lock (gate)
                    {
                        if (!tasks.TryGetValue(status.Stage, out var task))
                        {
                            foreach (var previous in tasks.Values)
                            {
                                previous.Value = previous.MaxValue;
                            }
                            tasks[status.Stage] = task = ctx.AddTask(status.Stage, maxValue: Math.Max(status.Total, 1));
                        }
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
}
