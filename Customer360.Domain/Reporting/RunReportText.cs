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
        var search = report.Search;
        if (search.Files > 0)
        {
            text.AppendLine(inv, $"Search: {search.Files} files ({search.FilesReused} reused), {search.RowsRead:N0} rows read, {search.Accepted:N0} accepted, {search.Skipped:N0} skipped (empty user_id or keyword)");
            foreach (var error in search.FileErrors)
            {
                text.AppendLine(inv, $"  INPUT ERROR {error.File}: {error.Error}");
            }
            var k = report.Classification;
            text.AppendLine(inv, $"Classification: {k.DistinctKeywords:N0} distinct keywords, {k.CacheHits:N0} from cache, {k.Batches} batches, {k.Requests} requests, {k.InputTokens:N0}/{k.OutputTokens:N0} tokens in/out, {k.Retries} retries, {k.Fallbacks} fallbacks");
        }
        text.AppendLine("Stages: " + string.Join(", ", report.Stages.Select(s => string.Create(inv, $"{s.Stage} {s.Seconds:F2}s"))));
        foreach (var table in report.Tables)
        {
            text.AppendLine(inv, $"Table {table.Name}: {table.Rows:N0} rows → {string.Join(", ", table.Outputs)}");
        }
        return text.ToString();
    }
}
