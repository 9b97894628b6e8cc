using System.CommandLine;
using System.Text;
using Customer360.Domain.Reporting;
using Customer360.Domain.Reporting.Html;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;

namespace Customer360.Cli.Commands;

/// <summary><c>report --from DIR --out FILE</c>: rebuilds report.html from a run report (a run's folder, or an output folder's latest run).</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "A run folder (<out>/runs/<runId>/, holding run_report.json), or an output folder of `run` (its latest run).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The HTML file to write.", Required = true };
        var command = new Command("report", "Rebuild the HTML report from a run's report.") { from, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(from)!;
            var store = new LocalFolderStore(source.FullName);
            var reportName = FindRunReport(source);
            if (reportName is null)
            {
                await Console.Error.WriteLineAsync($"{source.FullName} holds no {OutputLayout.RunReportJson} (neither itself nor under {OutputLayout.RunsFolder}*/).").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            var run = await ReportData.ReadRunReportAsync(store, reportName, cancellationToken).ConfigureAwait(false);
            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            await File.WriteAllTextAsync(file.FullName, HtmlReportWriter.Render(ReportData.From(run)), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Wrote {file.FullName} (run {run.RunId})");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The run report in <paramref name="folder"/> itself, else the most recently written one under <c>runs/*/</c>; null if none.</summary>
    public static string? FindRunReport(DirectoryInfo folder)
    {
        if (!folder.Exists)
        {
            return null;
        }
        if (File.Exists(Path.Combine(folder.FullName, OutputLayout.RunReportJson)))
        {
            return OutputLayout.RunReportJson;
        }
        var runs = new DirectoryInfo(Path.Combine(folder.FullName, OutputLayout.RunsFolder));
        var latest = runs.Exists
            ? runs.EnumerateFiles(OutputLayout.RunReportJson, SearchOption.AllDirectories).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()
            : null;
        return latest is null ? null : Path.GetRelativePath(folder.FullName, latest.FullName).Replace(Path.DirectorySeparatorChar, '/');
    }
}
