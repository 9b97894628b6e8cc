using Customer360.Domain.Flow;

namespace Customer360.Domain.Activities;

/// <summary>Lists the run's source files (name, size, ETag) per stream, filtered to the requested months.</summary>
public sealed class PlanRunActivity(PipelineEnvironment environment) : IActivity<PlanInput, RunPlan>
{
    public async Task<RunPlan> RunAsync(PlanInput input, CancellationToken cancellationToken)
    {
        var ignored = new List<string>();
        var content = new List<SourceFile>();
        var search = new List<SourceFile>();
        if (input.Streams.HasFlag(PipelineStreams.Content) && environment.Content is { } contentSource)
        {
            await ListAsync(contentSource, LogDropLayout.ContentMonth, content, ignored, input.Months, cancellationToken).ConfigureAwait(false);
        }
        if (input.Streams.HasFlag(PipelineStreams.Search) && environment.Search is { } searchSource)
        {
            await ListAsync(searchSource, LogDropLayout.SearchMonth, search, ignored, input.Months, cancellationToken).ConfigureAwait(false);
        }
        return new RunPlan(content, search, ignored);
    }

    private static async Task ListAsync(SourceLocation source, Func<string, int?> monthOf, List<SourceFile> files, List<string> ignored, IReadOnlyList<int>? months, CancellationToken cancellationToken)
    {
        await foreach (var item in source.Store.ListAsync(source.Prefix, cancellationToken).ConfigureAwait(false))
        {
            if (monthOf(item.Name[source.Prefix.Length..]) is not { } month)
            {
                ignored.Add(item.Name);
            }
            else if (months is not { Count: > 0 } || months.Contains(month))
            {
                files.Add(new SourceFile(item.Name, item.Size, item.ETag));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
    }
}
