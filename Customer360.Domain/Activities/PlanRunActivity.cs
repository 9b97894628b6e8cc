using Customer360.Domain.Flow;

namespace Customer360.Domain.Activities;

/// <summary>
/// Lists the run's source files (name, size, ETag) per stream, filtered by <see cref="RunMonths"/>: the content
/// logs of the requested months, the search logs of the requested months and of the month before each (for its trend).
/// </summary>
public sealed class PlanRunActivity(PipelineEnvironment environment) : IActivity<PlanInput, RunPlan>
{
    public async Task<RunPlan> RunAsync(PlanInput input, CancellationToken cancellationToken)
    {
        var ignored = new List<string>();
        var content = new List<SourceFile>();
        var search = new List<SourceFile>();
        var months = new RunMonths(input.Months);
        if (input.Streams.HasFlag(PipelineStreams.Content) && environment.Content is { } contentSource)
        {
            await ListAsync(contentSource, LogDropLayout.ContentMonth, months.ContentMonthsToRead, content, ignored, cancellationToken).ConfigureAwait(false);
        }
        if (input.Streams.HasFlag(PipelineStreams.Search) && environment.Search is { } searchSource)
        {
            await ListAsync(searchSource, LogDropLayout.SearchMonth, months.SearchMonthsToRead, search, ignored, cancellationToken).ConfigureAwait(false);
        }
        return new RunPlan(content, search, ignored);
    }

    private static async Task ListAsync(SourceLocation source, Func<string, int?> monthOf, Func<IEnumerable<int>, IReadOnlySet<int>> monthsToRead,
        List<SourceFile> files, List<string> ignored, CancellationToken cancellationToken)
    {
        var logs = new List<(SourceFile File, int Month)>();
        await foreach (var item in source.Store.ListAsync(source.Prefix, cancellationToken).ConfigureAwait(false))
        {
            if (monthOf(item.Name[source.Prefix.Length..]) is not { } month)
            {
                ignored.Add(item.Name);
            }
            else
            {
                logs.Add((new SourceFile(item.Name, item.Size, item.ETag), month));
            }
        }
        var read = monthsToRead(logs.Select(l => l.Month));
        files.AddRange(logs.Where(l => read.Contains(l.Month)).Select(l => l.File));
        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
    }
}
