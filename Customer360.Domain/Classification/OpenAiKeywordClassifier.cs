using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.AI.OpenAI;
using Azure.Core;
using OpenAI;
using OpenAI.Chat;

namespace Customer360.Domain.Classification;

/// <summary>
/// Classifies keywords with a chat-completions model (OpenAI, any OpenAI-compatible endpoint, or Azure
/// OpenAI) through the official SDK. Temperature 0; structured output whose genre values are the closed
/// enum; keywords travel as JSON data in the user message with ids, never spliced into instructions.
/// Answers that miss, duplicate or invent are retried for just those keywords (bounded), then fall back
/// to <c>Other</c>. HTTP 408/5xx and timeouts are retried by the SDK pipeline; 429s by <see cref="RateLimitPolicy"/>,
/// which paces every request of this classifier through one <see cref="RateLimitGate"/>.
/// </summary>
public sealed class OpenAiKeywordClassifier : IKeywordClassifier, IDisposable
{
    public const string LlmSource = "llm";
    public const string FallbackSource = "fallback";

    private static readonly BinaryData Schema = BinaryData.FromString(new JsonObject
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["results"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["id"] = new JsonObject { ["type"] = "integer" },
                        ["genre"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. Genres.All.Select(g => JsonValue.Create(g))]) },
                    },
                    ["required"] = new JsonArray("id", "genre"),
                    ["additionalProperties"] = false,
                },
            },
        },
        ["required"] = new JsonArray("results"),
        ["additionalProperties"] = false,
    }.ToJsonString());

    /// <summary>The built-in instructions (kept for callers that compare against the default).</summary>
    internal static string Instructions => ClassifierInstructions.Default.Text;

    private static readonly int SchemaChars = Schema.ToString().Length;

    private readonly ChatClient _chat;
    private readonly OpenAiClassifierSettings _settings;
    private readonly RateLimitGate _gate;
    private double _tokensPerEstimate = 1.0;

    private OpenAiKeywordClassifier(Func<ClientPipelineOptions, ChatClient> chat, OpenAiClassifierSettings settings, Func<ClientPipelineOptions> options)
    {
        _settings = settings;
        _gate = new RateLimitGate(settings.RequestsPerMinute, settings.TokensPerMinute);
        var pipeline = options();
        pipeline.NetworkTimeout = settings.RequestTimeout;
        pipeline.RetryPolicy = new ClientRetryPolicy(settings.HttpRetries);
        // Order matters: the rate-limit policy re-sends 429s itself, and each re-send is counted as a request.
        pipeline.AddPolicy(new RateLimitPolicy(_gate, settings.RateLimitRetries, TimeProvider.System), PipelinePosition.PerTry);
        pipeline.AddPolicy(new RequestCountingPolicy(), PipelinePosition.PerTry);
        _chat = chat(pipeline);
    }

    public string Source => LlmSource;

    public string Model => _settings.Model;

    /// <summary>The hash of the instructions sent (recorded in the keyword cache).</summary>
    public string InstructionsVersion => _settings.Instructions.Version;

    /// <summary>OpenAI or any OpenAI-compatible endpoint (base URL such as <c>https://api.openai.com/v1</c>).</summary>
    public static OpenAiKeywordClassifier ForOpenAi(Uri endpoint, string apiKey, OpenAiClassifierSettings settings) => new(
        options => new OpenAIClient(new ApiKeyCredential(apiKey), (OpenAIClientOptions)options).GetChatClient(settings.Model),
        settings, () => new OpenAIClientOptions { Endpoint = endpoint });

    /// <summary>Azure OpenAI: the resource endpoint, and a key or (in Azure) a token credential such as a managed identity.</summary>
    public static OpenAiKeywordClassifier ForAzure(Uri endpoint, string? apiKey, TokenCredential? credential, OpenAiClassifierSettings settings)
    {
        if (apiKey is not { Length: > 0 } && credential is null)
        {
            throw new ArgumentException("Azure OpenAI needs a key or a token credential.", nameof(credential));
        }
        return new(options =>
        {
            var azure = (AzureOpenAIClientOptions)options;
            var client = apiKey is { Length: > 0 } ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(apiKey), azure) : new AzureOpenAIClient(endpoint, credential!, azure);
            return client.GetChatClient(settings.Model);
        }, settings, () => new AzureOpenAIClientOptions());
    }

    public void Dispose() => _gate.Dispose();

    public async Task<KeywordBatchResult> ClassifyBatchAsync(IReadOnlyList<string> keywords, CancellationToken cancellationToken)
    {
        var requests = RequestCountingPolicy.Begin();
        var counters = RateLimitPolicy.Begin();
        var decided = new Dictionary<int, string>();
        long tokensIn = 0, tokensOut = 0;
        int calls = 0;
        for (int attempt = 0; attempt <= _settings.FollowUpAttempts && decided.Count < keywords.Count; attempt++)
        {
            var pending = Enumerable.Range(0, keywords.Count).Where(i => !decided.ContainsKey(i)).ToList();
            calls++;
            var answer = await AskAsync(pending, keywords, cancellationToken).ConfigureAwait(false);
            tokensIn += answer.TokensIn;
            tokensOut += answer.TokensOut;
            foreach (var (id, genre) in answer.Genres)
            {
                decided.TryAdd(id, genre);
            }
        }

        var results = new List<KeywordClassification>(keywords.Count);
        int fallbacks = 0;
        for (int i = 0; i < keywords.Count; i++)
        {
            if (decided.TryGetValue(i, out var genre))
            {
                results.Add(new KeywordClassification(keywords[i], genre, LlmSource));
            }
            else
            {
                fallbacks++;
                results.Add(new KeywordClassification(keywords[i], Genres.Other, FallbackSource));
            }
        }
        // Retries: requests beyond the first that were not 429s (those are counted apart).
        var usage = new ClassificationUsage(requests.Value, tokensIn, tokensOut, Math.Max(0, requests.Value - 1 - counters.RateLimited), fallbacks, counters.RateLimited);
        return new KeywordBatchResult(results, usage);
    }

    /// <summary>One chat call for the pending keywords; returns only valid, in-range, first-seen answers.</summary>
    private async Task<(Dictionary<int, string> Genres, long TokensIn, long TokensOut)> AskAsync(
        List<int> pending, IReadOnlyList<string> keywords, CancellationToken cancellationToken)
    {
        var payload = new JsonObject
        {
            ["keywords"] = new JsonArray([.. pending.Select(i => new JsonObject { ["id"] = i, ["text"] = keywords[i] })]),
        };
        var user = payload.ToJsonString();
        // Prompt ≈ 4 characters a token (instructions, keywords, schema); the answer ≈ 12 tokens a keyword;
        // scaled by what the provider really counted so far, so a tokens-per-minute budget is used, not wasted.
        int rough = (_settings.Instructions.Text.Length + user.Length + SchemaChars) / 4 + 12 * pending.Count;
        RateLimitPolicy.SetEstimate((int)Math.Ceiling(rough * Volatile.Read(ref _tokensPerEstimate) * 1.05));
        var options = new ChatCompletionOptions
        {
            Temperature = 0f,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("keyword_genres", Schema, jsonSchemaIsStrict: true),
        };
        ChatCompletion completion;
        try
        {
            completion = await _chat.CompleteChatAsync(
                [new SystemChatMessage(_settings.Instructions.Text), new UserChatMessage(user)], options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ClientResultException or IOException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The SDK already retried transient failures; what is still unanswered goes to the next attempt or falls back.
            return ([], 0, 0);
        }

        var genres = new Dictionary<int, string>();
        var wanted = pending.ToHashSet();
        try
        {
            var text = completion.Content.Count > 0 ? completion.Content[0].Text : "";
            using var doc = JsonDocument.Parse(text);
            foreach (var item in doc.RootElement.GetProperty("results").EnumerateArray())
            {
                if (item.TryGetProperty("id", out var id) && id.TryGetInt32(out var index) && wanted.Contains(index)
                    && item.TryGetProperty("genre", out var g) && g.ValueKind == JsonValueKind.String && Genres.IsValid(g.GetString()))
                {
                    genres.TryAdd(index, g.GetString()!);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Malformed answer: every keyword of this call counts as missing.
            genres.Clear();
        }
        var usage = completion.Usage;
        if (usage is { TotalTokenCount: > 0 })
        {
            // A moving average of counted / estimated tokens, bounded so one odd answer cannot swing it far.
            double ratio = Math.Clamp((double)usage.TotalTokenCount / rough, 0.25, 2.0);
            Volatile.Write(ref _tokensPerEstimate, 0.8 * Volatile.Read(ref _tokensPerEstimate) + 0.2 * ratio);
        }
        return (genres, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
    }
}
