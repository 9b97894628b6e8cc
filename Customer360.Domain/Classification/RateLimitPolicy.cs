using System.ClientModel.Primitives;

namespace Customer360.Domain.Classification;

/// <summary>
/// A per-try pipeline policy in front of the transport: every attempt first passes the classifier's
/// <see cref="RateLimitGate"/>; a 429 pauses the gate for the Retry-After it carries and is sent again here,
/// without using up the SDK's retries (those stay for 408/5xx/timeouts), so a 429 never becomes a fallback
/// while the provider still answers at all.
/// </summary>
internal sealed class RateLimitPolicy(RateLimitGate gate, int maxRateLimitRetries, TimeProvider time) : PipelinePolicy
{
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);
    private static readonly AsyncLocal<BatchCounters?> Counters = new();

    /// <summary>Starts counting the 429s met and sets the token estimate for the calling async flow.</summary>
    public static BatchCounters Begin() => Counters.Value = new BatchCounters();

    /// <summary>The estimated tokens of the next request on this async flow (for the tokens-per-minute budget).</summary>
    public static void SetEstimate(int tokens)
    {
        if (Counters.Value is { } counters)
        {
            counters.EstimatedTokens = tokens;
        }
    }

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessAsync(message, pipeline, currentIndex).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        var counters = Counters.Value;
        int estimate = counters?.EstimatedTokens ?? 1;
        for (int met = 0; ; met++)
        {
            await gate.WaitAsync(estimate, message.CancellationToken).ConfigureAwait(false);
            await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
            var response = message.Response;
            if (response is null)
            {
                return;
            }
            string? Header(string name) => response.Headers.TryGetValue(name, out var value) ? value : null;
            if (response.Status != 429)
            {
                gate.Observe(Header, estimate);
                return;
            }
            if (counters is not null)
            {
                Interlocked.Increment(ref counters.RateLimited);
            }
            if (met >= maxRateLimitRetries)
            {
                return; // the SDK sees the 429 and fails the call; the keywords are asked again or fall back.
            }
            gate.PauseFor(RateLimitHeaders.RetryAfter(Header, time.GetUtcNow()) ?? DefaultPause);
            response.Dispose();
        }
    }
}
