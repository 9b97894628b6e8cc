using Customer360.Domain.Classification;
using Customer360.Domain.Flow;
using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>
/// Collects the run's distinct top keywords (from each search shard's keyword list, not its rows), takes what
/// the cache knows, and writes the rest as numbered batches to the run's scratch (claim-check: the flow only sees
/// the count). With <see cref="PipelineEnvironment.ReclassifyStale"/>, cached entries decided by another model or
/// other instructions are not taken: those keywords are classified again and their entries replaced.
/// The batch size is the request's (<c>C360_CLASSIFY_BATCH_SIZE</c>, keywords per LLM request) unless the classifier
/// sets its own step size (<see cref="IKeywordClassifier.StepBatchSize"/>: the offline rules, which send no requests).
/// Decided here, in an activity, so the flow only ever sees the resulting batch count and stays deterministic.
/// </summary>
public sealed class PlanClassificationActivity(PipelineEnvironment environment) : IActivity<PlanClassificationInput, ClassificationPlan>
{
    public async Task<ClassificationPlan> RunAsync(PlanClassificationInput input, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input.BatchSize, 1);
        int batchSize = environment.Classifier.StepBatchSize ?? input.BatchSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var distinct = await new ShardResultStore(environment.Work).ReadDistinctKeywordsAsync(input.ShardKeywords, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, KeywordGenre> cached = await environment.KeywordCache.GetManyAsync(distinct, cancellationToken).ConfigureAwait(false);
        if (environment.ReclassifyStale)
        {
            cached = cached.Where(c => !c.Value.IsStaleFor(environment.Classifier)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        }
        var work = new ClassificationWork(environment.Work);
        var cachedName = await work.WriteCachedAsync(input.RunId, [.. cached.Values.OrderBy(c => c.Keyword, StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);

        int batches = 0;
        foreach (var chunk in distinct.Where(k => !cached.ContainsKey(k)).Chunk(batchSize))
        {
            await work.WriteBatchAsync(input.RunId, batches++, chunk, cancellationToken).ConfigureAwait(false);
        }
        return new ClassificationPlan(distinct.Count, cached.Count, cachedName, batches);
    }
}
