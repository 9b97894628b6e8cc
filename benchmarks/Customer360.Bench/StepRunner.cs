using Customer360.Domain.Activities;
using Customer360.Domain.Flow;

namespace Customer360.Bench;

/// <summary>One map or reduce step, alone in its process, for per-step peak memory.</summary>
public static class StepRunner
{
    public static async Task<string> RunAsync(string kind, string content, string work, string? file, int shard, int shards)
    {
        var environment = OurStages.Environment(content, null, work);
        if (kind == "map")
        {
            var path = Path.Combine(content, file ?? throw new ArgumentException("--file is required for map"));
            var info = new FileInfo(path);
            var result = await new MapContentFileActivity(environment).RunAsync(
                new MapContentFileInput(new SourceFile(file, info.Length, $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}"), shards), CancellationToken.None);
            return $"{result.Stats.LinesRead:N0} lines, {result.Contracts:N0} contracts";
        }
        var plan = await new PlanRunActivity(environment).RunAsync(new PlanInput(null, PipelineStreams.Content), CancellationToken.None);
        var prefixes = new List<string>();
        foreach (var source in plan.ContentFiles)
        {
            // The manifests say where each day's partial is; map first (bench step --kind map) for every day.
            var map = await new MapContentFileActivity(environment).RunAsync(new MapContentFileInput(source, shards), CancellationToken.None);
            prefixes.Add(map.PartialPrefix);
        }
        var reduced = await new ReduceContentShardActivity(environment).RunAsync(new ReduceContentShardInput("step", shard, prefixes), CancellationToken.None);
        return $"shard {shard}: {reduced.Rows:N0} rows from {prefixes.Count} partials";
    }
}
