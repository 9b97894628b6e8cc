using System.Diagnostics;

namespace Customer360.Domain.Classification.Evaluation;

/// <summary>
/// Measures a classifier on a labelled set: classifies every keyword in batches (the batch size and
/// concurrency a run uses), then compares with the labels. A fallback counts as the answer it is
/// (<c>Other</c>), so a flaky endpoint scores lower rather than looking better.
/// </summary>
public static class ClassifierEvaluation
{
    public static async Task<EvaluationResult> RunAsync(
        IKeywordClassifier classifier, IReadOnlyList<LabelledKeyword> set, int batchSize, int parallelism, ModelPrices prices, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var clock = Stopwatch.StartNew();
        var batches = set.Select(s => s.Keyword).Chunk(batchSize).ToList();
        var results = new KeywordBatchResult[batches.Count];
        await Parallel.ForAsync(0, batches.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            results[i] = await classifier.ClassifyBatchAsync(batches[i], ct).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        var usage = ClassificationUsage.None;
        foreach (var batch in results)
        {
            usage = usage.Add(batch.Usage);
            foreach (var k in batch.Keywords)
            {
                predicted[k.Keyword] = Genres.IsValid(k.Genre) ? k.Genre : Classification.Genres.Other;
            }
        }
        var missing = set.FirstOrDefault(s => !predicted.ContainsKey(s.Keyword));
        if (missing is not null)
        {
            throw new InvalidOperationException($"The classifier gave no answer for \"{missing.Keyword}\".");
        }
        return Score(classifier.Model, set, predicted, usage, prices, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Scores answers against labels: accuracy, per-genre precision/recall, confusions (most frequent first).</summary>
    public static EvaluationResult Score(string classifierName, IReadOnlyList<LabelledKeyword> set, IReadOnlyDictionary<string, string> predicted, ClassificationUsage usage, ModelPrices prices, double seconds)
    {
        int correct = set.Count(s => predicted[s.Keyword] == s.Genre);
        var scores = Classification.Genres.All.Select(g => new GenreScore(
            g,
            set.Count(s => s.Genre == g),
            set.Count(s => predicted[s.Keyword] == g),
            set.Count(s => s.Genre == g && predicted[s.Keyword] == g))).ToList();
        var confusions = set.Where(s => predicted[s.Keyword] != s.Genre)
            .GroupBy(s => (Labelled: s.Genre, Predicted: predicted[s.Keyword]))
            .Select(g => new Confusion(g.Key.Labelled, g.Key.Predicted, g.Count(), g.Select(s => s.Keyword).Take(4).ToList()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Labelled, StringComparer.Ordinal).ThenBy(c => c.Predicted, StringComparer.Ordinal)
            .ToList();
        return new EvaluationResult(classifierName, set.Count, correct, scores, confusions, usage, prices, seconds);
    }
}
