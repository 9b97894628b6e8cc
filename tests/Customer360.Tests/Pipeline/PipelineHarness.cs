using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Customer360.Tests.Classification;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Pipeline;

/// <summary>Runs the real flow in-process with a chosen shard count, parallelism and a shuffled file order; captures the tables.</summary>
public static class PipelineHarness
{
    public sealed record Sources(string? Content, string? Search);

    public static Dictionary<string, OutputTable> Run(Sources sources, string output, int shards, int parallelism, int shuffleSeed)
    {
        var (context, sink) = CreateContext(sources, output, parallelism, shuffleSeed);
        using (context)
        {
            PipelineFlow.RunAsync(context, new PipelineRequest(context.InstanceId, shards, ClassifyBatchSize: 3, ClassifyParallelism: 2)).GetAwaiter().GetResult();
        }
        return sink.Tables;
    }

    /// <summary>A local flow context over the real activities, writing tables to a capturing sink.</summary>
    /// <param name="afterPlan">Runs between planning and mapping (e.g. to change the source files under the run).</param>
    public static (InProcessFlowContext Context, CapturingSink Sink) CreateContext(Sources sources, string output, int parallelism, int? shuffleSeed = null, Action<RunPlan>? afterPlan = null)
    {
        var sink = new CapturingSink();
        var environment = new PipelineEnvironment
        {
            Content = sources.Content is null ? null : new SourceLocation(new LocalFolderStore(sources.Content), ""),
            Search = sources.Search is null ? null : new SourceLocation(new LocalFolderStore(sources.Search), ""),
            Work = new LocalFolderStore(Path.Combine(output, ".work")),
            Output = new LocalFolderStore(output),
            Sinks = [sink],
            KeywordCache = new InMemoryKeywordCache(),
        };
        var catalog = new ActivityCatalog(environment);
        if (shuffleSeed is { } seed)
        {
            // The plan hands the files over in a shuffled order: results must not care.
            catalog.Add(ActivityNames.PlanRun, new ShuffledPlan(new PlanRunActivity(environment), seed));
        }
        if (afterPlan is not null)
        {
            catalog.Add(ActivityNames.PlanRun, new ObservedPlan(new PlanRunActivity(environment), afterPlan));
        }
        return (new InProcessFlowContext("harness-" + shuffleSeed, catalog, parallelism, NullLoggerFactory.Instance), sink);
    }

    private sealed class ShuffledPlan(PlanRunActivity inner, int seed) : IActivity<PlanInput, RunPlan>
    {
        public async Task<RunPlan> RunAsync(PlanInput input, CancellationToken cancellationToken)
        {
            var plan = await inner.RunAsync(input, cancellationToken);
            return plan with { ContentFiles = Shuffle(plan.ContentFiles, seed), SearchFiles = Shuffle(plan.SearchFiles, seed + 1) };
        }

        private static List<SourceFile> Shuffle(IReadOnlyList<SourceFile> files, int seed)
        {
            var copy = files.ToArray();
            new Random(seed).Shuffle(copy);
            return [.. copy];
        }
    }

    private sealed class ObservedPlan(PlanRunActivity inner, Action<RunPlan> afterPlan) : IActivity<PlanInput, RunPlan>
    {
        public async Task<RunPlan> RunAsync(PlanInput input, CancellationToken cancellationToken)
        {
            var plan = await inner.RunAsync(input, cancellationToken);
            afterPlan(plan);
            return plan;
        }
    }

    public sealed class CapturingSink : ITableSink
    {
        public Dictionary<string, OutputTable> Tables { get; } = [];

        public Task<IReadOnlyList<string>> WriteAsync(OutputTable table, CancellationToken cancellationToken)
        {
            lock (Tables)
            {
                Tables[table.Name] = table;
            }
            return Task.FromResult<IReadOnlyList<string>>([table.Name]);
        }
    }
}
