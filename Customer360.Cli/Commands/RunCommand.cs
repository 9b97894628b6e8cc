using System.CommandLine;
using Customer360.Domain.Reporting;

namespace Customer360.Cli.Commands;

/// <summary><c>run --content DIR --out DIR [...]</c>: the whole pipeline on local folders.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var content = new Option<DirectoryInfo>("--content") { Description = "Folder of content logs (YYYYMMDD.json / .json.gz).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the tables (CSV + Parquet) and the run report.", Required = true };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Intermediate folder (partials, reused by reruns). Default: <out>/.work" };
        var parallelism = new Option<int>("--parallelism") { Description = "Steps run at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shards = new Option<int>("--shards") { Description = "Shards per map partial (= reduce steps).", DefaultValueFactory = _ => LocalRunOptions.DefaultShards };
        var highDays = new Option<int>("--high-days") { Description = "ActiveDays at or above this is High.", DefaultValueFactory = _ => 15 };
        var months = new Option<int[]>("--month") { Description = "Only this month (YYYYMM); repeatable. Default: every month found.", AllowMultipleArgumentsPerToken = true };
        var verbose = new Option<bool>("--verbose") { Description = "Log every step." };
        var command = new Command("run", "Process every log file in the input folders.") { content, output, work, parallelism, shards, highDays, months, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new LocalRunOptions
            {
                ContentDirectory = parse.GetValue(content)!.FullName,
                OutputDirectory = parse.GetValue(output)!.FullName,
                WorkDirectory = parse.GetValue(work)?.FullName,
                Parallelism = parse.GetValue(parallelism),
                Shards = parse.GetValue(shards),
                HighActivityDays = parse.GetValue(highDays),
                Months = parse.GetValue(months),
            };
            return await ExecuteAsync(options, parse.GetValue(verbose), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs and prints the run report's summary; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(LocalRunOptions options, bool verbose, CancellationToken cancellationToken)
    {
        if (options.Parallelism < 1 || options.Shards < 1)
        {
            await Console.Error.WriteLineAsync("--parallelism and --shards must be at least 1.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        using var loggerFactory = Logging.Create(verbose);
        var (result, report) = await ProgressDisplay.RunAsync(onStatus =>
            LocalPipelineRunner.RunAsync(options, loggerFactory, onStatus, cancellationToken)).ConfigureAwait(false);
        Console.WriteLine();
        Console.Write(RunReportText.Render(report));
        Console.WriteLine($"Outputs: {options.OutputDirectory}");
        return result.InputErrors ? ExitCodes.InputErrors : ExitCodes.Success;
    }
}
