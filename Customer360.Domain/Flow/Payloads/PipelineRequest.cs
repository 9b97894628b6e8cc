namespace Customer360.Domain.Flow;

/// <summary>What to run: the flow's input.</summary>
/// <param name="RunId">Run id (the orchestration instance id).</param>
/// <param name="Shards">How many shards the map steps split their partials into.</param>
/// <param name="Months">Only these months (YYYYMM); null or empty means every month found.</param>
/// <param name="Streams">Which streams to run.</param>
/// <param name="ClassifyBatchSize">Distinct keywords per classification request.</param>
/// <param name="ClassifyParallelism">Classification steps in flight at once.</param>
public sealed record PipelineRequest(
    string RunId,
    int Shards,
    IReadOnlyList<int>? Months = null,
    PipelineStreams Streams = PipelineStreams.All,
    int ClassifyBatchSize = PipelineRequest.DefaultBatchSize,
    int ClassifyParallelism = PipelineRequest.DefaultClassifyParallelism)
{
    public const int DefaultBatchSize = 50;
    public const int DefaultClassifyParallelism = 8;
}
