namespace Customer360.Domain.Classification.Evaluation;

/// <summary>
/// Token prices for cost estimates, in US dollars per million tokens. The default is gpt-4o-mini's
/// list price (standard, not batch or cached): USD 0.15 per 1M input tokens, USD 0.60 per 1M output tokens.
/// </summary>
public sealed record ModelPrices(string Name, decimal InputPerMillion, decimal OutputPerMillion)
{
    public static ModelPrices Gpt4oMini { get; } = new("gpt-4o-mini", 0.15m, 0.60m);

    public decimal Cost(long inputTokens, long outputTokens) =>
        (inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000m;
}
