using System.CommandLine;
using System.Text;
using Customer360.Domain.Reporting.Html;
using Customer360.Domain.Storage;

namespace Customer360.Cli.Commands;

/// <summary><c>report --from DIR --out FILE</c>: rebuilds report.html from existing outputs.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "An output folder of `run` (CSV tables + run_report.json).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The HTML file to write.", Required = true };
        var command = new Command("report", "Rebuild the HTML report from existing outputs.") { from, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(from)!;
            if (!source.Exists)
            {
                await Console.Error.WriteLineAsync($"{source.FullName} does not exist.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            var data = await ReportData.LoadAsync(new LocalFolderStore(source.FullName), cancellationToken).ConfigureAwait(false);
            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            await File.WriteAllTextAsync(file.FullName, HtmlReportWriter.Render(data), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Wrote {file.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }
}
