using System.Globalization;
using Customer360.Domain.Classification;

namespace Customer360.Tests.Classification;

/// <summary>Rate limits: the headers OpenAI and Azure send, the shared pause, and 429s that never become fallbacks.</summary>
public class RateLimitTests
{
    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    [Theory]
    [InlineData("20ms", 0.02)]
    [InlineData("1s", 1)]
    [InlineData("1.5s", 1.5)]
    [InlineData("6m0s", 360)]
    [InlineData("1h2m3.5s", 3723.5)]
    [InlineData("7", 7)]
    public void Reset_durations_in_the_openai_format_are_read(string text, double seconds) =>
        Assert.Equal(seconds, RateLimitHeaders.Duration(text)!.Value.TotalSeconds, 6);

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 s")]
    [InlineData("-1")]
    public void Unreadable_durations_are_null(string text) => Assert.Null(RateLimitHeaders.Duration(text));

    [Fact]
    public void Retry_after_prefers_milliseconds_then_seconds_then_a_date()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMilliseconds(250), RateLimitHeaders.RetryAfter(h => h switch { "retry-after-ms" => "250", "Retry-After" => "1", _ => null }, now));
        Assert.Equal(TimeSpan.FromMilliseconds(40), RateLimitHeaders.RetryAfter(h => h == "x-ms-retry-after-ms" ? "40" : null, now));
        Assert.Equal(TimeSpan.FromSeconds(3), RateLimitHeaders.RetryAfter(h => h == "Retry-After" ? "3" : null, now));
        Assert.Equal(TimeSpan.FromSeconds(10), RateLimitHeaders.RetryAfter(h => h == "Retry-After" ? now.AddSeconds(10).ToString("R", CultureInfo.InvariantCulture) : null, now));
        Assert.Null(RateLimitHeaders.RetryAfter(_ => null, now));
    }

    [Fact]
    public void A_spent_quota_pauses_for_one_requests_worth_not_the_whole_reset()
    {
        var time = new ManualTime();
        using var gate = new RateLimitGate(null, null, time);
        var headers = new Dictionary<string, string>
        {
            ["x-ratelimit-limit-requests"] = "60", ["x-ratelimit-remaining-requests"] = "0", ["x-ratelimit-reset-requests"] = "10s",
            ["x-ratelimit-limit-tokens"] = "60000", ["x-ratelimit-remaining-tokens"] = "50000", ["x-ratelimit-reset-tokens"] = "10s",
        };
        gate.Observe(h => headers.GetValueOrDefault(h), nextEstimatedTokens: 2000);
        Assert.Equal(TimeSpan.FromSeconds(1), gate.PausedFor); // 60 a minute: one more request a second
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, gate.PausedFor);

        headers["x-ratelimit-remaining-requests"] = "5";
        headers["x-ratelimit-remaining-tokens"] = "500";
        gate.Observe(h => headers.GetValueOrDefault(h), nextEstimatedTokens: 2500);
        Assert.Equal(TimeSpan.FromSeconds(2), gate.PausedFor); // 2,000 tokens missing at 1,000 a second

        gate.PauseFor(TimeSpan.FromSeconds(1)); // a shorter pause never shortens the one under way
        Assert.Equal(TimeSpan.FromSeconds(2), gate.PausedFor);
    }

    [Fact]
    public async Task Against_an_enforced_limit_every_429_is_waited_out_and_nothing_falls_back()
    {
        // The server's clock moves only when it answers 429, by the wait it asked for: however slow this
        // machine, the limit is met the same way and the client must wait it out each time.
        var time = new ManualTime();
        var limits = new RateLimitedChatCompletions(requestsPerMinute: 120, tokensPerMinute: 10_000_000, TimeSpan.Zero,
            r => FakeChatCompletionsServer.Answer(r, RuleBasedKeywordClassifier.Classify).Body is var body ? Content(body) : "", time);
        using var server = new FakeChatCompletionsServer(r =>
        {
            var response = limits.Respond(r);
            if (response.Status == 429)
            {
                time.Advance(TimeSpan.FromMilliseconds(double.Parse(response.Headers["retry-after-ms"], CultureInfo.InvariantCulture)));
            }
            return response;
        });
        using var classifier = OpenAiKeywordClassifier.ForOpenAi(new Uri(server.BaseUrl + "v1"), "sk-test",
            new OpenAiClassifierSettings { HttpRetries = 0, FollowUpAttempts = 0, RequestTimeout = TimeSpan.FromSeconds(30) });
        var keywords = Enumerable.Range(0, 150).Select(i => $"vtv{i}").ToList();

        var batches = await Task.WhenAll(keywords.Chunk(5).Select(chunk => classifier.ClassifyBatchAsync(chunk, CancellationToken.None)));

        var usage = batches.Aggregate(ClassificationUsage.None, (t, b) => t.Add(b.Usage));
        Assert.Equal(30, limits.Accepted);                       // 20 at once (ten seconds' worth), then one per wait
        Assert.True(limits.RateLimited >= 10, limits.RateLimited.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((0, limits.RateLimited, 30 + limits.RateLimited), (usage.Fallbacks, usage.RateLimited, usage.Requests));
        Assert.Equal(0, usage.Retries);                          // 429s are not counted as retries
        Assert.All(batches.SelectMany(b => b.Keywords), k => Assert.Equal(("TV Channel", "llm"), (k.Genre, k.Source)));
        Assert.Equal(server.Requests.Count, usage.Requests);
        var limited = server.Requests.Count - limits.Accepted;
        Assert.Equal(limits.RateLimited, limited);
    }

    [Fact]
    public void The_server_sends_the_openai_and_azure_headers_on_429_and_on_success()
    {
        var time = new ManualTime();
        var limits = new RateLimitedChatCompletions(6, 1_000_000, TimeSpan.Zero, _ => "{\"results\":[]}", time);
        var request = ChatRequest.Parse(new Uri("http://127.0.0.1/v1/chat/completions"), [],
            """{"messages":[{"role":"system","content":"x"},{"role":"user","content":"{\"keywords\":[]}"}]}""", 1);
        var ok = limits.Respond(request); // capacity: 6 a minute / 6 = one request
        Assert.Equal(200, ok.Status);
        Assert.Equal(("6", "0"), (ok.Headers["x-ratelimit-limit-requests"], ok.Headers["x-ratelimit-remaining-requests"]));
        var limited = limits.Respond(request);
        Assert.Equal(429, limited.Status);
        Assert.Equal(("10000", "10", "10s"), (limited.Headers["retry-after-ms"], limited.Headers["Retry-After"], limited.Headers["x-ratelimit-reset-requests"]));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(200, limits.Respond(request).Status);
    }

    private static string Content(string completionBody) =>
        System.Text.Json.Nodes.JsonNode.Parse(completionBody)!["choices"]![0]!["message"]!["content"]!.GetValue<string>();
}
