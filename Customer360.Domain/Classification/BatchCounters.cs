namespace Customer360.Domain.Classification;

/// <summary>What one batch met on its async flow: 429s, and the token estimate of the request being sent.</summary>
internal sealed class BatchCounters
{
    public int RateLimited;

    public int EstimatedTokens = 1;
}
