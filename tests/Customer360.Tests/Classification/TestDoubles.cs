using System.Collections.Concurrent;
using Customer360.Domain.Classification;

namespace Customer360.Tests.Classification;

/// <summary>A keyword cache in memory.</summary>
public sealed class InMemoryKeywordCache : IKeywordCache
{
    public ConcurrentDictionary<string, KeywordGenre> Entries { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, KeywordGenre>> GetManyAsync(IReadOnlyCollection<string> keywords, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, KeywordGenre>>(keywords.Where(Entries.ContainsKey).ToDictionary(k => k, k => Entries[k], StringComparer.Ordinal));

    public Task PutManyAsync(IReadOnlyCollection<KeywordGenre> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            Entries[entry.Keyword] = entry;
        }
        return Task.CompletedTask;
    }
}

/// <summary>Classifies with the offline rules and counts every batch and keyword it is asked about.</summary>
public sealed class CountingClassifier : IKeywordClassifier
{
    private int _batches;
    private int _keywords;

    public int Batches => _batches;

    public int Keywords => _keywords;

    public string Source => "llm";

    public string Model => "counting-test";

    public Task<KeywordBatchResult> ClassifyBatchAsync(IReadOnlyList<string> keywords, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _keywords, keywords.Count);
        var results = keywords.Select(k => new KeywordClassification(k, RuleBasedKeywordClassifier.Classify(k), Source)).ToList();
        return Task.FromResult(new KeywordBatchResult(results, new ClassificationUsage(1, keywords.Count * 10, keywords.Count, 0, 0)));
    }
}
