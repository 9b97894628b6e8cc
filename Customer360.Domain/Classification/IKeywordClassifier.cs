namespace Customer360.Domain.Classification;

/// <summary>
/// Classifies one batch of distinct, normalised keywords into the closed genre set (<see cref="Genres"/>).
/// Implementations own everything inside a batch: retrying only the missing or invalid entries (bounded),
/// backoff on 429/5xx/timeouts, and the final fallback to <c>Other</c> (reported with source <c>fallback</c>).
/// Every keyword of the input appears exactly once in the result.
/// </summary>
public interface IKeywordClassifier
{
    /// <summary><c>llm</c> or <c>rules</c>: the source recorded for keywords this classifier decided.</summary>
    string Source { get; }

    /// <summary>The model (or rule set) name recorded with each classification.</summary>
    string Model { get; }

    Task<KeywordBatchResult> ClassifyBatchAsync(IReadOnlyList<string> keywords, CancellationToken cancellationToken);
}

/// <param name="Source"><c>llm</c>, <c>rules</c> or <c>fallback</c>.</param>
public sealed record KeywordClassification(string Keyword, string Category, string Source);

public sealed record KeywordBatchResult(IReadOnlyList<KeywordClassification> Keywords, ClassificationUsage Usage);

/// <summary>What a batch cost: HTTP requests sent, tokens, retries and fallbacks.</summary>
public sealed record ClassificationUsage(int Requests, long InputTokens, long OutputTokens, int Retries, int Fallbacks)
{
    public static ClassificationUsage None { get; } = new(0, 0, 0, 0, 0);

    public ClassificationUsage Add(ClassificationUsage other) => new(
        Requests + other.Requests, InputTokens + other.InputTokens, OutputTokens + other.OutputTokens,
        Retries + other.Retries, Fallbacks + other.Fallbacks);
}
