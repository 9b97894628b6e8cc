using System.CommandLine;
using System.Globalization;
using Customer360.Domain.Reporting;
using Customer360.Domain.Reporting.Html;
using Customer360.Domain.Tables;
using Customer360.Generation;

namespace Customer360.Cli.Commands;

/// <summary><c>demo</c>: generate a small dataset and run everything on it with the embedded defaults.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var folder = new Option<DirectoryInfo>("--dir") { Description = "Demo folder (data/ and out/ inside).", DefaultValueFactory = _ => new DirectoryInfo("demo") };
        var command = new Command("demo", "Generate a small dataset and run the whole pipeline on it.") { folder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetValue(folder)!.FullName;
            var data = Path.Combine(root, "data");
            GenerateCommand.Generate(data, seed: 42, DatasetScale.Small, cancellationToken);
            var options = new LocalRunOptions
            {
                ContentDirectory = Path.Combine(data, "content"),
                SearchDirectory = Path.Combine(data, "search"),
                OutputDirectory = Path.Combine(root, "out"),
                // The generated contracts and search users are different ids: the map joins them in customer_360.
                Settings = new() { IdentityMap = GenerateCommand.IdentityMapPath(data) },
            };
            var (exit, report) = await RunCommand.ExecuteWithReportAsync(options, verbose: false, cancellationToken).ConfigureAwait(false);
            if (report is not null)
            {
                PrintSummary(options.OutputDirectory, report);
            }
            // The demo data deliberately contains bad lines but no unreadable file, so this is 0 on success.
            return exit;
        });
        return command;
    }

    private static void PrintSummary(string output, RunReport report)
    {
        if (ReportData.From(report).Content is not { } summary)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"Contracts: {summary.Contracts:N0}   High: {summary.HighShare * 100:F2}%   Low: {summary.LowShare * 100:F2}%"));
        Console.WriteLine("Watch time by category:");
        foreach (var (category, seconds) in summary.SecondsByCategory.OrderByDescending(c => c.Count))
        {
            double share = summary.TotalSeconds == 0 ? 0 : (double)seconds / summary.TotalSeconds;
            Console.WriteLine(string.Create(inv, $"  {category,-12} {seconds / 3600.0,12:N0} h  {share * 100,6:F1}%"));
        }
        Console.WriteLine($"Tables: {output}; run report and report.html: {Path.Combine(output, OutputLayout.RunFolder(report.RunId))}");
    }
}
