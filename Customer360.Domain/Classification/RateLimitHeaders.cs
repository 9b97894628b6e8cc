using System.Globalization;
using System.Text.RegularExpressions;

namespace Customer360.Domain.Classification;

/// <summary>
/// Reads the rate-limit headers OpenAI and Azure OpenAI send: <c>retry-after-ms</c> / <c>x-ms-retry-after-ms</c>
/// (milliseconds), <c>Retry-After</c> (seconds or an HTTP date), <c>x-ratelimit-remaining-requests|tokens</c> and
/// <c>x-ratelimit-reset-requests|tokens</c> (durations such as <c>20ms</c>, <c>1s</c>, <c>6m0s</c>).
/// </summary>
public static partial class RateLimitHeaders
{
    /// <summary>How long a 429 asks the client to wait; null when it does not say.</summary>
    public static TimeSpan? RetryAfter(Func<string, string?> header, DateTimeOffset now)
    {
        foreach (var name in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (double.TryParse(header(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }
        var value = header("Retry-After");
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at > now ? at - now : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>A Go-style duration (<c>1h2m3.5s</c>, <c>20ms</c>) or plain seconds; null when unreadable.</summary>
    public static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return plain >= 0 ? TimeSpan.FromSeconds(plain) : null;
        }
        var parts = DurationPart().Matches(text.Trim());
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text.Trim())
        {
            return null;
        }
        double total = 0;
        foreach (Match part in parts)
        {
            double n = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch { "h" => n * 3600, "m" => n * 60, "s" => n, _ => n / 1000 };
        }
        return TimeSpan.FromSeconds(total);
    }

    /// <summary>An integer header (e.g. remaining requests); null when absent or unreadable.</summary>
    public static long? Count(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|h|m|s)")]
    private static partial Regex DurationPart();
}
