using Customer360.Domain.Classification;

namespace Customer360.IntegrationTests;

/// <summary>The offline rules, counting how many batches and keywords it is asked about.</summary>
public sealed class CountingClassifier : IKeywordClassifier
{
    private int _batches;

    public int Batches => _batches;

    public string Source => "llm";

    public string Model => "counting-test";

    public Task<KeywordBatchResult> ClassifyBatchAsync(IReadOnlyList<string> keywords, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batches);
        return Task.FromResult(new KeywordBatchResult(
            keywords.Select(k => new KeywordClassification(k, RuleBasedKeywordClassifier.Classify(k), Source)).ToList(),
            new ClassificationUsage(1, 0, 0, 0, 0)));
    }
}
