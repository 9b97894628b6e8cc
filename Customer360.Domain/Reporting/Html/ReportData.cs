using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;

namespace Customer360.Domain.Reporting.Html;

/// <summary>
/// What the HTML report is computed from: one run report and the figures its loads recorded. Nothing is
/// re-read from the output tables, so the page is the same whatever sinks ran (files, MySQL, both).
/// </summary>
public sealed record ReportData(RunReport? Run, ContentFigures? Content, SearchFigures? Search, TrendFigures? Trend)
{
    public static ReportData From(RunReport run)
    {
        var figures = run.Tables.Select(t => t.Figures).OfType<TableFigures>().ToList();
        return new ReportData(
            run,
            figures.Select(f => f.Content).OfType<ContentFigures>().FirstOrDefault(),
            figures.Select(f => f.Search).OfType<SearchFigures>().FirstOrDefault(),
            figures.Select(f => f.Trend).OfType<TrendFigures>().FirstOrDefault());
    }

    /// <summary>Reads a run report (<c>run_report.json</c>) from a store.</summary>
    public static async Task<RunReport> ReadRunReportAsync(IBlobStore store, string name, CancellationToken cancellationToken)
    {
        var stream = await store.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<RunReport>(stream, FlowJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"{store.Location}/{name} is empty.");
        }
    }
}
