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
        var inputs = maps.Select(m => new ReportInputFile(
            "content", m.File, input.Plan.ContentFiles.First(f => f.Name == m.File).Size, m.Reused,
            m.Stats.LinesRead, m.Stats.Accepted, m.Stats.RejectedTotal, m.Stats.Error)).ToList();
        return new RunReport(
            input.RunId, input.StartedAtUtc, input.FinishedAtUtc,
            errors.Count > 0 ? CompletedWithInputErrors : Succeeded,
            inputs, input.Plan.IgnoredFiles, content, input.Stages,
            input.Tables.Select(t => new ReportTable(t.Table, t.Rows, t.Outputs)).ToList());
    }
}

public sealed record ReportInputFile(string Stream, string Name, long Size, bool Reused, long LinesRead, long Accepted, long Rejected, string? Error);

public sealed record ContentReport(
    int Files,
    int FilesReused,
    long LinesRead,
    long Accepted,
    IReadOnlyDictionary<string, long> Rejected,
    IReadOnlyList<AppCount> TopUnmappedApps,
    IReadOnlyList<FileError> FileErrors);

public sealed record AppCount(string AppName, long Count);

public sealed record FileError(string File, string Error);

public sealed record ReportTable(string Name, long Rows, IReadOnlyList<string> Outputs);
