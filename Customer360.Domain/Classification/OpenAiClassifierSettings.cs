namespace Customer360.Domain.Classification;

/// <summary>How the LLM classifier talks to its endpoint.</summary>
public sealed record OpenAiClassifierSettings
{
    public const string DefaultModel = "gpt-4o-mini";

    /// <summary>Model name (OpenAI) or deployment name (Azure OpenAI).</summary>
    public string Model { get; init; } = DefaultModel;

    /// <summary>Per-HTTP-attempt timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>HTTP retries on 408/429/5xx/timeouts (the SDK pipeline; honours Retry-After).</summary>
    public int HttpRetries { get; init; } = 4;

    /// <summary>Extra requests for keywords a response left out or got wrong, before falling back to Other.</summary>
    public int FollowUpAttempts { get; init; } = 2;
}
