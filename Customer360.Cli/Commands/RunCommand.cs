using System.CommandLine;
using Customer360.Domain.Hosting;
using Customer360.Domain.Reporting;
using Customer360.Domain.Tables;

namespace Customer360.Cli.Commands;

/// <summary><c>run [--content DIR] [--search DIR] | [--storage CONN --container NAME] --out DIR [...]</c>: the whole pipeline.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var options = new RunOptionSet();
        var command = new Command("run", "Process every log file in the input folders or container.");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (bound, error) = options.Bind(parse);
            if (bound is null)
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            return await ExecuteAsync(bound, parse.GetValue(options.Verbose), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs and prints the run report's summary; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(LocalRunOptions options, bool verbose, CancellationToken cancellationToken) =>
        (await ExecuteWithReportAsync(options, verbose, cancellationToken).ConfigureAwait(false)).Exit;

    /// <summary>Runs and prints the run report's summary; returns the exit code and the run report (null when the run did not start).</summary>
    public static async Task<(int Exit, RunReport? Report)> ExecuteWithReportAsync(LocalRunOptions options, bool verbose, CancellationToken cancellationToken)
    {
        if (options.Parallelism < 1)
        {
            await Console.Error.WriteLineAsync($"--parallelism: {options.Parallelism} is out of range; allowed: 1 or more.").ConfigureAwait(false);
            return (ExitCodes.Failure, null);
        }
        try
        {
            options.Settings.Validate();
        }
        catch (SettingsException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return (ExitCodes.Failure, null);
        }
        using var loggerFactory = Logging.Create(verbose);
        var (result, report) = await ProgressDisplay.RunAsync(onStatus =>
            LocalPipelineRunner.RunAsync(options, loggerFactory, onStatus, cancellationToken)).ConfigureAwait(false);
        Console.WriteLine();
        Console.Write(RunReportText.Render(report));
        Console.WriteLine($"Outputs: {options.OutputDirectory} (tables in <table>/month=YYYYMM/)");
        Console.WriteLine($"Run report and report.html: {Path.Combine(options.OutputDirectory, OutputLayout.RunFolder(report.RunId))}");
        return (result.InputErrors ? ExitCodes.InputErrors : ExitCodes.Success, report);
    }
}
