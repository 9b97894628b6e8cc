using System.Globalization;
using System.Text;

namespace Customer360.Domain.Reporting;

/// <summary>The human summary of a run report (<c>run_report.txt</c> and the CLI's closing lines).</summary>
public static class RunReportText
{
    public static string Render(RunReport report)
    {
        var c = report.Content;
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Run {report.RunId}: {report.Status} in {(report.FinishedAtUtc - report.StartedAtUtc).TotalSeconds:F1}s");
        text.AppendLine(inv, $"Content: {c.Files} files ({c.FilesReused} reused), {c.LinesRead:N0} lines read, {c.Accepted:N0} accepted, {c.LinesRead - c.Accepted:N0} rejected");
        foreach (var (reason, count) in c.Rejected.Where(r => r.Value > 0))
        {
            text.AppendLine(inv, $"  rejected {reason}: {count:N0}");
        }
        if (c.TopUnmappedApps.Count > 0)
        {
            text.AppendLine(inv, $"  top unmapped AppNames: {string.Join(", ", c.TopUnmappedApps.Take(5).Select(a => $"{a.AppName} ({a.Count:N0})"))}");
        }
        foreach (var error in c.FileErrors)
        {
            text.AppendLine(inv, $"  INPUT ERROR {error.File}: {error.Error}");
        }
        text.AppendLine("Stages: " + string.Join(", ", report.Stages.Select(s => string.Create(inv, $"{s.Stage} {s.Seconds:F2}s"))));
        foreach (var table in report.Tables)
        {
            text.AppendLine(inv, $"Table {table.Name}: {table.Rows:N0} rows → {string.Join(", ", table.Outputs)}");
        }
        return text.ToString();
    }
}
