using Customer360.Domain.Content;
using Customer360.Domain.Flow;

namespace Customer360.Domain.Reporting;

/// <summary>The run report (<c>run_report.json</c>): inputs, counts, rejections, timings, tables written.</summary>
public sealed record RunReport(
    string RunId,
    DateTime StartedAtUtc,
    DateTime FinishedAtUtc,
    string Status,
    IReadOnlyList<ReportInputFile> Inputs,
    IReadOnlyList<string> IgnoredFiles,
    ContentReport Content,
    SearchReport Search,
    ClassificationReport Classification,
    IReadOnlyList<StageTiming> Stages,
    IReadOnlyList<ReportTable> Tables)
{
    public const string Succeeded = "succeeded";
    public const string CompletedWithInputErrors = "completed_with_input_errors";
    public const int TopUnmappedApps = 20;

    public static RunReport From(RunReportInput input)
    {
        var maps = input.ContentMaps;
        var rejected = RejectReasons.InOrder.ToDictionary(
            RejectReasons.Name,
            r => maps.Sum(m => m.Stats.Rejected.GetValueOrDefault(RejectReasons.Name(r))));
        var unmapped = maps.SelectMany(m => m.Stats.UnmappedApps)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(g => new AppCount(g.Key, g.Sum(kv => kv.Value)))
            .OrderByDescending(a => a.Count).ThenBy(a => a.AppName, StringComparer.Ordinal)
            .Take(TopUnmappedApps)
            .ToList();
        var errors = maps.Where(m => m.Stats.Error is not null).Select(m => new FileError(m.File, m.Stats.Error!)).ToList();
        var content = new ContentReport(
            Files: maps.Count,
            FilesReused: maps.Count(m => m.Reused),
            LinesRead: maps.Sum(m => m.Stats.LinesRead),
            Accepted: maps.Sum(m => m.Stats.Accepted),
            Rejected: rejected,
            TopUnmappedApps: unmapped,
            FileErrors: errors);
        var searchMaps = input.SearchMaps;
        var searchErrors = searchMaps.Where(m => m.Stats.Error is not null).Select(m => new FileError(m.File, m.Stats.Error!)).ToList();
        var search = new SearchReport(
            Files: searchMaps.Count,
            FilesReused: searchMaps.Count(m => m.Reused),
            RowsRead: searchMaps.Sum(m => m.Stats.RowsRead),
            Accepted: searchMaps.Sum(m => m.Stats.Accepted),
            Skipped: searchMaps.Sum(m => m.Stats.Skipped),
            FileErrors: searchErrors);
        var usage = input.ClassifyBatches.Aggregate(Domain.Classification.ClassificationUsage.None, (total, b) => total.Add(b.Usage));
        var classification = new ClassificationReport(
            DistinctKeywords: input.Classification?.DistinctKeywords ?? 0,
            CacheHits: input.Classification?.CacheHits ?? 0,
            Batches: input.ClassifyBatches.Count,
            Requests: usage.Requests,
            InputTokens: usage.InputTokens,
            OutputTokens: usage.OutputTokens,
            Retries: usage.Retries,
            Fallbacks: usage.Fallbacks);
        var sizes = input.Plan.ContentFiles.Concat(input.Plan.SearchFiles).ToDictionary(f => f.Name, f => f.Size, StringComparer.Ordinal);
        var inputs = maps.Select(m => new ReportInputFile(
                "content", m.File, sizes[m.File], m.Reused, m.Stats.LinesRead, m.Stats.Accepted, m.Stats.RejectedTotal, m.Stats.Error))
            .Concat(searchMaps.Select(m => new ReportInputFile(
                "search", m.File, sizes[m.File], m.Reused, m.Stats.RowsRead, m.Stats.Accepted, m.Stats.Skipped, m.Stats.Error)))
            .ToList();
        return new RunReport(
            input.RunId, input.StartedAtUtc, input.FinishedAtUtc,
            errors.Count + searchErrors.Count > 0 ? CompletedWithInputErrors : Succeeded,
            inputs, input.Plan.IgnoredFiles, content, search, classification, input.Stages,
            input.Tables.Select(t => new ReportTable(t.Table, t.Rows, t.Outputs, t.Figures)).ToList());
    }
}
