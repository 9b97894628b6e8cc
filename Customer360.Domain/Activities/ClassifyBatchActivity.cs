using System.Diagnostics;
using Customer360.Domain.Classification;
using Customer360.Domain.Flow;

namespace Customer360.Domain.Activities;

/// <summary>Classifies one batch of keywords, remembers the non-fallback answers in the cache, stores the batch result.</summary>
public sealed class ClassifyBatchActivity(PipelineEnvironment environment) : IActivity<ClassifyBatchInput, ClassifyBatchResult>
{
    public static string ResultName(string batchName) => batchName.Replace("/batch-", "/result-", StringComparison.Ordinal);

    public async Task<ClassifyBatchResult> RunAsync(ClassifyBatchInput input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var keywords = await WorkStoreJson.ReadAsync<string[]>(environment.Work, input.BatchName, cancellationToken).ConfigureAwait(false);
        var classifier = environment.Classifier;
        var batch = await classifier.ClassifyBatchAsync(keywords, cancellationToken).ConfigureAwait(false);

        var now = environment.Time.GetUtcNow();
        var entries = batch.Keywords
            .Select(k => new KeywordCategory(k.Keyword, Genres.IsValid(k.Category) ? k.Category : Genres.Other, k.Source, classifier.Model, now, classifier.InstructionsVersion))
            .ToList();
        // Fallbacks are not cached: the next run asks again.
        await environment.KeywordCache.PutManyAsync(entries.Where(e => e.Source != OpenAiKeywordClassifier.FallbackSource).ToList(), cancellationToken).ConfigureAwait(false);
        var resultName = ResultName(input.BatchName);
        await WorkStoreJson.WriteAsync(environment.Work, resultName, entries, cancellationToken).ConfigureAwait(false);
        return new ClassifyBatchResult(input.BatchName, resultName, entries.Count, batch.Usage, clock.Elapsed.TotalSeconds);
    }
}
