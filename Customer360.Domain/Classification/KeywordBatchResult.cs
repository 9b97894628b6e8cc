namespace Customer360.Domain.Classification;

/// <summary>What <see cref="IKeywordClassifier.ClassifyBatchAsync"/> returns for a batch: one classification per keyword, and what it cost.</summary>
public sealed record KeywordBatchResult(IReadOnlyList<KeywordClassification> Keywords, ClassificationUsage Usage);
