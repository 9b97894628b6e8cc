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

    /// <summary>
    /// The version of what decides, recorded with each cached classification: for the LLM a hash of its
    /// instructions, for the rules their version. A cached entry with another model or version is "stale";
    /// a run with <c>--reclassify-stale</c> asks again for those keywords.
    /// </summary>
    string InstructionsVersion => Model;

    /// <summary>
    /// Keywords per classification step when the classifier sets it itself, or <c>null</c> to take the configured
    /// request batch size (<c>C360_CLASSIFY_BATCH_SIZE</c>). A classifier that sends requests keeps <c>null</c>: its
    /// batch is what one request carries. One that sends none (the offline rules) classifies in far larger steps,
    /// so a month's 100k+ keywords are tens of steps and result documents rather than thousands.
    /// </summary>
    int? StepBatchSize => null;

    Task<KeywordBatchResult> ClassifyBatchAsync(IReadOnlyList<string> keywords, CancellationToken cancellationToken);
}
