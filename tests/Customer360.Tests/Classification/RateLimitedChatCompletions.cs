using System.Globalization;
using System.Text.Json.Nodes;

namespace Customer360.Tests.Classification;

/// <summary>
/// What a rate-limited chat-completions deployment does, for <see cref="FakeChatCompletionsServer"/>: every
/// answer takes <c>latency</c>; requests and tokens per minute are enforced the way Azure OpenAI does it, over
/// short windows (token buckets holding ten seconds' worth, refilled continuously), and a request over either
/// limit gets 429 at once with <c>Retry-After</c>, <c>retry-after-ms</c> and the <c>x-ratelimit-*</c> headers
/// OpenAI and Azure send, which successes carry too. Tokens are counted as ≈ 4 characters each (messages and
/// schema in, answer out) and reported in <c>usage</c>. Shared by the tests and the classification benchmark.
/// </summary>
public sealed class RateLimitedChatCompletions(int requestsPerMinute, int tokensPerMinute, TimeSpan latency, Func<ChatRequest, string> answer, TimeProvider? time = null)
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly double _requestCapacity = Math.Max(1, requestsPerMinute / 6.0);
    private readonly double _tokenCapacity = Math.Max(1, tokensPerMinute / 6.0);
    private double _requests = Math.Max(1, requestsPerMinute / 6.0);
    private double _tokens = Math.Max(1, tokensPerMinute / 6.0);
    private long _last = (time ?? TimeProvider.System).GetTimestamp();
    private int _accepted;
    private int _rateLimited;
    private long _promptTokens;
    private long _completionTokens;

    public int Accepted => Volatile.Read(ref _accepted);

    public int RateLimited => Volatile.Read(ref _rateLimited);

    public long PromptTokens => Interlocked.Read(ref _promptTokens);

    public long CompletionTokens => Interlocked.Read(ref _completionTokens);

    /// <summary>What the limits let through at best: a full bucket at once, then the refill rate. Seconds.</summary>
    public double LeastSeconds(int requests, long tokens) => Math.Max(
        Math.Max(0, requests - _requestCapacity) / (requestsPerMinute / 60.0),
        Math.Max(0, tokens - _tokenCapacity) / (tokensPerMinute / 60.0));

    public FakeResponse Respond(ChatRequest request)
    {
        var content = answer(request);
        int prompt = PromptTokensOf(request.Body);
        int completion = (content.Length + 3) / 4;
        int cost = prompt + completion;
        lock (_gate)
        {
            Refill();
            if (_requests >= 1 && _tokens >= cost)
            {
                _requests -= 1;
                _tokens -= cost;
                _accepted++;
                _promptTokens += prompt;
                _completionTokens += completion;
                var ok = FakeResponse.Completion(content, latency, prompt, completion);
                return ok with { Headers = Headers(null) };
            }
            _rateLimited++;
            double wait = Math.Max(_requests >= 1 ? 0 : (1 - _requests) / (requestsPerMinute / 60.0), _tokens >= cost ? 0 : (cost - _tokens) / (tokensPerMinute / 60.0));
            return FakeResponse.Error(429, Headers(wait));
        }
    }

    private void Refill()
    {
        long now = _time.GetTimestamp();
        double seconds = (double)(now - _last) / _time.TimestampFrequency;
        _last = now;
        _requests = Math.Min(_requestCapacity, _requests + seconds * requestsPerMinute / 60.0);
        _tokens = Math.Min(_tokenCapacity, _tokens + seconds * tokensPerMinute / 60.0);
    }

    private Dictionary<string, string> Headers(double? retryAfterSeconds)
    {
        var c = CultureInfo.InvariantCulture;
        var headers = new Dictionary<string, string>
        {
            ["x-ratelimit-limit-requests"] = requestsPerMinute.ToString(c),
            ["x-ratelimit-remaining-requests"] = ((long)Math.Floor(_requests)).ToString(c),
            ["x-ratelimit-reset-requests"] = Duration((_requestCapacity - _requests) / (requestsPerMinute / 60.0)),
            ["x-ratelimit-limit-tokens"] = tokensPerMinute.ToString(c),
            ["x-ratelimit-remaining-tokens"] = ((long)Math.Floor(_tokens)).ToString(c),
            ["x-ratelimit-reset-tokens"] = Duration((_tokenCapacity - _tokens) / (tokensPerMinute / 60.0)),
        };
        if (retryAfterSeconds is { } wait)
        {
            headers["retry-after-ms"] = Math.Ceiling(wait * 1000).ToString(c);
            headers["Retry-After"] = Math.Max(1, Math.Ceiling(wait)).ToString(c);
        }
        return headers;
    }

    /// <summary>OpenAI's style: <c>20ms</c>, <c>1.5s</c>, <c>1m30s</c>.</summary>
    private static string Duration(double seconds)
    {
        var c = CultureInfo.InvariantCulture;
        if (seconds < 1)
        {
            return Math.Ceiling(Math.Max(0, seconds) * 1000).ToString(c) + "ms";
        }
        int minutes = (int)(seconds / 60);
        double rest = seconds - minutes * 60;
        return minutes > 0 ? string.Create(c, $"{minutes}m{rest:0.###}s") : string.Create(c, $"{rest:0.###}s");
    }

    private static int PromptTokensOf(JsonNode body)
    {
        int chars = 0;
        foreach (var message in body["messages"]!.AsArray())
        {
            var text = message!["content"] is JsonArray parts ? parts[0]!["text"]!.GetValue<string>() : message["content"]!.GetValue<string>();
            chars += text.Length;
        }
        chars += body["response_format"]?.ToJsonString().Length ?? 0;
        return (chars + 3) / 4;
    }
}
