using System.Diagnostics;
using Customer360.Domain.Classification;
using Customer360.Domain.Flow;
using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>Classifies one batch of keywords, remembers the non-fallback answers in the cache, stores the batch result.</summary>
public sealed class ClassifyBatchActivity(PipelineEnvironment environment) : IActivity<ClassifyBatchInput, ClassifyBatchResult>
{
    public async Task<ClassifyBatchResult> RunAsync(ClassifyBatchInput input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var work = new ClassificationWork(environment.Work);
        var keywords = await work.ReadBatchAsync(input.RunId, input.Batch, cancellationToken).ConfigureAwait(false);
        var classifier = environment.Classifier;
        var batch = await classifier.ClassifyBatchAsync(keywords, cancellationToken).ConfigureAwait(false);

        var now = environment.Time.GetUtcNow();
        var entries = batch.Keywords
            .Select(k => new KeywordGenre(k.Keyword, Genres.IsValid(k.Genre) ? k.Genre : Genres.Other, k.Source, classifier.Model, now, classifier.InstructionsVersion))
            .ToList();
        // Fallbacks are not cached: the next run asks again.
        await environment.KeywordCache.PutManyAsync(entries.Where(e => e.Source != OpenAiKeywordClassifier.FallbackSource).ToList(), cancellationToken).ConfigureAwait(false);
        var resultName = await work.WriteResultAsync(input.RunId, input.Batch, entries, cancellationToken).ConfigureAwait(false);
        return new ClassifyBatchResult(WorkNames.ClassifyBatch(input.RunId, input.Batch), resultName, entries.Count, batch.Usage, clock.Elapsed.TotalSeconds);
    }
}
