using System.Diagnostics;
using System.Globalization;
using Customer360.Domain.Activities;
using Customer360.Domain.Classification;
using Customer360.Domain.Classification.Evaluation;
using Customer360.Domain.Flow;
using Customer360.Domain.WorkStore;
using Customer360.Tests.Classification;

namespace Customer360.Bench;

/// <summary>
/// Classification at scale: the search months' distinct top keywords classified through the real SDK client
/// against the local chat-completions server with latency and an enforced rate limit. Three runs share one
/// keyword cache: June alone, then July alone (only keywords June did not have are sent), then both months
/// again (nothing is sent). Plan and batches go through the same activity classes the hosts run, with the
/// flow's bounded fan-out of classification steps.
/// </summary>
public static class ClassifyBench
{
    public sealed record Settings(string Search, string Work, int RequestsPerMinute, int TokensPerMinute, TimeSpan Latency, bool Budget, int BatchSize, int Parallelism, int Shards, bool CountOnly = false);

    /// <summary>Only the distinct top keywords per month and their overlap (for a scale too big to classify here).</summary>
    public static async Task<int> CountAsync(Settings s)
    {
        var environment = OurStages.Environment(null, s.Search, s.Work);
        var months = new Dictionary<string, HashSet<string>>();
        foreach (var (name, month) in new[] { ("June", 202206), ("July", 202207) })
        {
            var clock = Stopwatch.StartNew();
            var shards = await MapReduceAsync(environment, "count-" + month.ToString(CultureInfo.InvariantCulture), [month], s.Shards, Math.Max(1, Environment.ProcessorCount));
            var rows = await new ShardResultStore(environment.Work).ReadSearchAsync(shards.Select(r => r.ResultName), CancellationToken.None);
            months[name] = rows.Select(r => r.Keyword).ToHashSet(StringComparer.Ordinal);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {rows.Count:N0} users, {months[name].Count:N0} distinct top keywords ({clock.Elapsed.TotalSeconds:F0} s)"));
        }
        int both = months["June"].Count(months["July"].Contains);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"In both months: {both:N0} ({100.0 * both / months["July"].Count:F1} % of July's)"));
        return 0;
    }

    public static async Task<int> RunAsync(Settings s)
    {
        var limits = new RateLimitedChatCompletions(s.RequestsPerMinute, s.TokensPerMinute, s.Latency, Answer);
        using var server = new FakeChatCompletionsServer(limits.Respond);
        var settings = new OpenAiClassifierSettings
        {
            RequestsPerMinute = s.Budget ? s.RequestsPerMinute : null,
            TokensPerMinute = s.Budget ? s.TokensPerMinute : null,
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        using var classifier = OpenAiKeywordClassifier.ForOpenAi(new Uri(server.BaseUrl + "v1"), "sk-bench", settings);
        Directory.CreateDirectory(s.Work);
        var cachePath = Path.Combine(s.Work, "classify-bench-cache.json");
        File.Delete(cachePath);
        using var cache = new JsonFileKeywordCache(cachePath);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Server: {s.RequestsPerMinute} requests/min, {s.TokensPerMinute} tokens/min (10-second buckets), {s.Latency.TotalMilliseconds:F0} ms per answer; client: {(s.Budget ? "the same budget configured" : "no budget, paced by headers and 429s")}, batches of {s.BatchSize}, {s.Parallelism} steps at once"));
        Console.WriteLine("| run | distinct keywords | cache hits | sent | requests | 429s met | tokens in / out | wall s | least s the limit allows | keywords/s | fallbacks | est. cost USD |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int failures = 0;
        foreach (var (name, months) in new (string, int[]?)[] { ("June", [202206]), ("July, after June", [202207]), ("both months, rerun", null) })
        {
            var environment = OurStages.Environment(null, s.Search, s.Work);
            var env = new PipelineEnvironment
            {
                Search = environment.Search,
                Work = environment.Work,
                Output = environment.Output,
                Sinks = [],
                KeywordCache = cache,
                Classifier = classifier,
            };
            var runId = "classify-bench-" + name.Split(',')[0].ToLowerInvariant().Replace(' ', '-');
            var shardResults = await MapReduceAsync(env, runId, months, s.Shards, Math.Max(1, Environment.ProcessorCount));
            int acceptedBefore = limits.Accepted, limitedBefore = limits.RateLimited;
            long promptBefore = limits.PromptTokens, completionBefore = limits.CompletionTokens;

            var clock = Stopwatch.StartNew();
            var plan = await new PlanClassificationActivity(env).RunAsync(new PlanClassificationInput(runId, shardResults.Select(r => r.KeywordsName).ToList(), s.BatchSize), CancellationToken.None);
            var step = new ClassifyBatchActivity(env);
            var results = new ClassifyBatchResult[plan.Batches];
            await Parallel.ForAsync(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = s.Parallelism }, async (i, ct) =>
                results[i] = await step.RunAsync(new ClassifyBatchInput(runId, i), ct));
            double wall = clock.Elapsed.TotalSeconds;

            var usage = results.Aggregate(ClassificationUsage.None, (t, r) => t.Add(r.Usage));
            int sent = results.Sum(r => r.Keywords);
            int requests = limits.Accepted - acceptedBefore + limits.RateLimited - limitedBefore;
            long tokensIn = limits.PromptTokens - promptBefore, tokensOut = limits.CompletionTokens - completionBefore;
            double least = limits.LeastSeconds(limits.Accepted - acceptedBefore, tokensIn + tokensOut);
            var cost = ModelPrices.Gpt4oMini.Cost(usage.InputTokens, usage.OutputTokens);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {plan.DistinctKeywords:N0} | {plan.CacheHits:N0} | {sent:N0} | {requests:N0} | {limits.RateLimited - limitedBefore:N0} | {tokensIn:N0} / {tokensOut:N0} | {wall:F1} | {least:F1} | {(wall > 0 ? sent / wall : 0):N0} | {usage.Fallbacks} | {cost:F4} |"));
            if (usage.Fallbacks > 0 || usage.Requests != requests)
            {
                failures++;
            }
        }
        Console.WriteLine("Prices: gpt-4o-mini, USD 0.15 per 1M input tokens and USD 0.60 per 1M output tokens.");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The "model": the offline rules' genre, so the answers are deterministic and valid.</summary>
    private static string Answer(ChatRequest request) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["results"] = new System.Text.Json.Nodes.JsonArray([.. request.Keywords.Select(k => new System.Text.Json.Nodes.JsonObject { ["id"] = k.Id, ["genre"] = RuleBasedKeywordClassifier.Classify(k.Text) })]),
        }.ToJsonString();

    private static async Task<IReadOnlyList<SearchShardResult>> MapReduceAsync(PipelineEnvironment env, string runId, int[]? months, int shards, int parallelism)
    {
        var plan = await new PlanRunActivity(env).RunAsync(new PlanInput(months, PipelineStreams.Search), CancellationToken.None);
        var map = new MapSearchFileActivity(env);
        var maps = new SearchMapResult[plan.SearchFiles.Count];
        await Parallel.ForAsync(0, maps.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
            maps[i] = await map.RunAsync(new MapSearchFileInput(plan.SearchFiles[i], shards), ct));
        var reduce = new ReduceSearchShardActivity(env);
        var results = new SearchShardResult[shards];
        var prefixes = maps.Select(m => m.PartialPrefix).ToList();
        await Parallel.ForAsync(0, shards, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (shard, ct) =>
            results[shard] = await reduce.RunAsync(new ReduceSearchShardInput(runId, shard, prefixes), ct));
        return results;
    }
}
