namespace Customer360.Domain.Classification;

/// <summary>What a batch cost: HTTP requests sent (429s included), tokens, retries, fallbacks and the 429s met.</summary>
public sealed record ClassificationUsage(int Requests, long InputTokens, long OutputTokens, int Retries, int Fallbacks, int RateLimited = 0)
{
    public static ClassificationUsage None { get; } = new(0, 0, 0, 0, 0);

    public ClassificationUsage Add(ClassificationUsage other) => new(
        Requests + other.Requests, InputTokens + other.InputTokens, OutputTokens + other.OutputTokens,
        Retries + other.Retries, Fallbacks + other.Fallbacks, RateLimited + other.RateLimited);
}
