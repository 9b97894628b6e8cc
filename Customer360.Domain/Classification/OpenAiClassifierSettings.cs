namespace Customer360.Domain.Classification;

/// <summary>How the LLM classifier talks to its endpoint.</summary>
public sealed record OpenAiClassifierSettings
{
    public const string DefaultModel = "gpt-4o-mini";

    /// <summary>Model name (OpenAI) or deployment name (Azure OpenAI).</summary>
    public string Model { get; init; } = DefaultModel;

    /// <summary>The system instructions (the built-in default, or a file of one's own).</summary>
    public ClassifierInstructions Instructions { get; init; } = ClassifierInstructions.Default;

    /// <summary>Per-HTTP-attempt timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>HTTP retries on 408/5xx/timeouts (the SDK pipeline). 429s are not counted here: see <see cref="RateLimitRetries"/>.</summary>
    public int HttpRetries { get; init; } = 4;

    /// <summary>Extra requests for keywords a response left out or got wrong, before falling back to Other.</summary>
    public int FollowUpAttempts { get; init; } = 2;

    /// <summary>
    /// How many 429s one request may meet before it gives up. A 429 means "later", not "wrong": each one pauses
    /// every request of this classifier for the Retry-After the server gave, so the bound only stops a server
    /// that never lets anything through.
    /// </summary>
    public int RateLimitRetries { get; init; } = 100;

    /// <summary>The deployment's requests-per-minute budget; null = none configured (pace by the server's headers and 429s).</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>The deployment's tokens-per-minute budget (prompt + completion, estimated before sending); null = none configured.</summary>
    public int? TokensPerMinute { get; init; }
}
