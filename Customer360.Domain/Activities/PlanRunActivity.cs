using Customer360.Domain.Content;
using Customer360.Domain.Flow;

namespace Customer360.Domain.Activities;

/// <summary>Lists the run's source files (name, size, ETag), filtered to the requested months.</summary>
public sealed class PlanRunActivity(PipelineEnvironment environment) : IActivity<PlanInput, RunPlan>
{
    public async Task<RunPlan> RunAsync(PlanInput input, CancellationToken cancellationToken)
    {
        var content = new List<SourceFile>();
        var ignored = new List<string>();
        if (input.Streams.HasFlag(PipelineStreams.Content))
        {
            var source = environment.Content;
            await foreach (var item in source.Store.ListAsync(source.Prefix, cancellationToken).ConfigureAwait(false))
            {
                var relative = item.Name[source.Prefix.Length..];
                var name = relative.Contains('/', StringComparison.Ordinal) ? null : ContentLogFileName.TryParse(relative);
                if (name is null)
                {
                    ignored.Add(item.Name);
                }
                else if (input.Months is not { Count: > 0 } || input.Months.Contains(name.Month))
                {
                    content.Add(new SourceFile(item.Name, item.Size, item.ETag));
                }
            }
        }
        content.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new RunPlan(content, ignored);
    }
}
