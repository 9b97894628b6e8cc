using System.Threading.RateLimiting;

namespace Customer360.Domain.Classification;

/// <summary>
/// Paces every request of one classifier to the provider's rate limits. Two mechanisms, both shared by all
/// requests in flight: an optional configured budget (requests and tokens per minute, as token buckets that
/// refill every second and hold one second's worth of requests and ten seconds' worth of tokens, so a burst
/// never outruns a provider that checks its limit over short windows, as Azure OpenAI does); and a pause that the provider's own answers set: a 429's Retry-After, or a
/// success that says no requests or too few tokens remain until the reset time. So a 429 slows everyone down
/// instead of each request hammering on alone.
/// </summary>
public sealed class RateLimitGate : IDisposable
{
    private readonly TokenBucketRateLimiter? _requests;
    private readonly TokenBucketRateLimiter? _tokens;
    private readonly int _tokenLimit;
    private readonly TimeProvider _time;
    private long _pausedUntilTicks;

    public RateLimitGate(int? requestsPerMinute, int? tokensPerMinute, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        if (requestsPerMinute is { } rpm)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rpm, 1, nameof(requestsPerMinute));
            _requests = Bucket(rpm, 60); // at most one second's worth at once: requests are all alike
        }
        if (tokensPerMinute is { } tpm)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(tpm, 1, nameof(tokensPerMinute));
            _tokens = Bucket(tpm, 6); // ten seconds' worth: requests differ in size
            _tokenLimit = Math.Max(Math.Max(1, tpm / 60), tpm / 6);
        }
    }

    /// <summary>Waits until a request estimated at <paramref name="estimatedTokens"/> may be sent.</summary>
    public async ValueTask WaitAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        await WaitForPauseAsync(cancellationToken).ConfigureAwait(false);
        if (_requests is not null)
        {
            using var lease = await _requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }
        if (_tokens is not null)
        {
            // A request larger than the bucket takes the whole bucket: it still waits its turn, it is never refused.
            using var lease = await _tokens.AcquireAsync(Math.Clamp(estimatedTokens, 1, _tokenLimit), cancellationToken).ConfigureAwait(false);
        }
        await WaitForPauseAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long requests are still held back by a pause (zero when none).</summary>
    public TimeSpan PausedFor
    {
        get
        {
            long left = Interlocked.Read(ref _pausedUntilTicks) - _time.GetTimestamp();
            return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / _time.TimestampFrequency);
        }
    }

    /// <summary>Holds every request back for <paramref name="delay"/> (extends, never shortens, a pause under way).</summary>
    public void PauseFor(TimeSpan delay)
    {
        long until = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        long seen = Interlocked.Read(ref _pausedUntilTicks);
        while (until > seen)
        {
            long previous = Interlocked.CompareExchange(ref _pausedUntilTicks, until, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }

    /// <summary>
    /// Reads a successful answer's quota headers. When no request (or too few tokens for the next one) is left,
    /// holds everyone back until enough has refilled: one request's worth (or the missing tokens' worth) at the
    /// per-minute limit the headers state, never longer than the reset time they give.
    /// </summary>
    public void Observe(Func<string, string?> header, int nextEstimatedTokens)
    {
        if (RateLimitHeaders.Count(header("x-ratelimit-remaining-requests")) is <= 0
            && RateLimitHeaders.Duration(header("x-ratelimit-reset-requests")) is { } requestsReset)
        {
            var oneRequest = RateLimitHeaders.Count(header("x-ratelimit-limit-requests")) is > 0 and var limit ? TimeSpan.FromMinutes(1.0 / limit) : requestsReset;
            PauseFor(oneRequest < requestsReset ? oneRequest : requestsReset);
        }
        if (RateLimitHeaders.Count(header("x-ratelimit-remaining-tokens")) is { } tokens && tokens < nextEstimatedTokens
            && RateLimitHeaders.Duration(header("x-ratelimit-reset-tokens")) is { } tokensReset)
        {
            var missing = RateLimitHeaders.Count(header("x-ratelimit-limit-tokens")) is > 0 and var limit ? TimeSpan.FromMinutes((double)(nextEstimatedTokens - tokens) / limit) : tokensReset;
            PauseFor(missing < tokensReset ? missing : tokensReset);
        }
    }

    private async ValueTask WaitForPauseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long left = Interlocked.Read(ref _pausedUntilTicks) - _time.GetTimestamp();
            if (left <= 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds((double)left / _time.TimestampFrequency), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TokenBucketRateLimiter Bucket(int perMinute, int burstDivisor)
    {
        // About a second per refill, at exactly the budget's rate.
        int perPeriod = Math.Max(1, perMinute / 60);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(perPeriod, perMinute / burstDivisor),
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = TimeSpan.FromMinutes((double)perPeriod / perMinute),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        _requests?.Dispose();
        _tokens?.Dispose();
    }
}
