using Customer360.Domain.Classification;
using Customer360.Domain.Flow;

namespace Customer360.Domain.Activities;

/// <summary>
/// Collects the run's distinct top keywords, takes what the cache knows, and writes the rest as batches
/// to the work store (claim-check: the flow only sees batch names). With
/// <see cref="PipelineEnvironment.ReclassifyStale"/>, cached entries decided by another model or other
/// instructions are not taken: those keywords are classified again and their entries replaced.
/// </summary>
public sealed class PlanClassificationActivity(PipelineEnvironment environment) : IActivity<PlanClassificationInput, ClassificationPlan>
{
    public static string CachedName(string runId) => $"runs/{runId}/classify/cached.json";

    public static string BatchName(string runId, int batch) => $"runs/{runId}/classify/batch-{batch:D5}.json";

    public async Task<ClassificationPlan> RunAsync(PlanClassificationInput input, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input.BatchSize, 1);
        var rows = await ReduceSearchShardActivity.ReadAllAsync(environment, input.ShardResults, cancellationToken).ConfigureAwait(false);
        var distinct = rows.Select(r => r.Keyword).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        IReadOnlyDictionary<string, KeywordCategory> cached = await environment.KeywordCache.GetManyAsync(distinct, cancellationToken).ConfigureAwait(false);
        if (environment.ReclassifyStale)
        {
            cached = cached.Where(c => !c.Value.IsStaleFor(environment.Classifier)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        }
        var cachedName = CachedName(input.RunId);
        await WorkStoreJson.WriteAsync(environment.Work, cachedName, cached.Values.OrderBy(c => c.Keyword, StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);

        var batches = new List<string>();
        foreach (var chunk in distinct.Where(k => !cached.ContainsKey(k)).Chunk(input.BatchSize))
        {
            var name = BatchName(input.RunId, batches.Count);
            await WorkStoreJson.WriteAsync(environment.Work, name, chunk, cancellationToken).ConfigureAwait(false);
            batches.Add(name);
        }
        return new ClassificationPlan(distinct.Count, cached.Count, cachedName, batches);
    }
}
