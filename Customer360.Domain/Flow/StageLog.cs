namespace Customer360.Domain.Flow;

/// <summary>
/// The stages one lane of the flow ran (the run's own steps, or one stream's branch): each stage's own wall
/// time, and the stage whose step failed for good. A lane's log is touched only by that lane, so the two
/// streams running at once share no state; <see cref="Merge"/> puts the lanes' stages back in start order.
/// </summary>
internal sealed class StageLog(IFlowContext context)
{
    private readonly List<KeyValuePair<DateTime, StageTiming>> _stages = [];

    /// <summary>The first stage of this lane whose step failed for good; null while none has.</summary>
    public string? Failed { get; private set; }

    /// <summary>Runs one stage: publishes its start, times it, and remembers it as the failed stage if it throws.</summary>
    public async Task<T> RunAsync<T>(string stage, Func<Task<T>> run)
    {
        var start = context.CurrentUtcDateTime;
        context.SetCustomStatus(new FlowStatus(stage, 0, 1));
        try
        {
            var result = await run();
            _stages.Add(new(start, new StageTiming(stage, (context.CurrentUtcDateTime - start).TotalSeconds)));
            return result;
        }
        catch
        {
            Failed ??= stage;
            throw;
        }
    }

    /// <summary>Every lane's finished stages, by start time (ties in lane order): the run report's list.</summary>
    public static List<StageTiming> Merge(params StageLog[] lanes) =>
        lanes.SelectMany(lane => lane._stages).OrderBy(s => s.Key).Select(s => s.Value).ToList();
}
