using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Customer360.Tests.Classification;

/// <summary>
/// A local HTTP server speaking the chat-completions protocol (OpenAI and Azure OpenAI URL shapes), so
/// the real SDK client runs against scripted answers. Loopback only.
/// </summary>
public sealed class FakeChatCompletionsServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ChatRequest, FakeResponse> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeChatCompletionsServer(Func<ChatRequest, FakeResponse> respond)
    {
        _respond = respond;
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    /// <summary>Answers every keyword of a request with <paramref name="genreOf"/>.</summary>
    public static FakeResponse Answer(ChatRequest request, Func<string, string> genreOf) =>
        FakeResponse.Completion(new JsonObject
        {
            ["results"] = new JsonArray([.. request.Keywords.Select(k => new JsonObject { ["id"] = k.Id, ["genre"] = genreOf(k.Text) })]),
        }.ToJsonString());

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = ChatRequest.Parse(context.Request.Url!, context.Request.Headers, body, Requests.Count + 1);
            Requests.Enqueue(request);
            var response = _respond(request);
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, _stop.Token);
            }
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // The client gave up (timeout): nothing to answer.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }
}

public sealed record ChatKeyword(int Id, string Text);

/// <summary>One request as the server saw it.</summary>
public sealed record ChatRequest(int Number, string Path, string Query, string? ApiKeyHeader, string? Authorization, JsonNode Body, IReadOnlyList<ChatKeyword> Keywords, DateTime ReceivedUtc)
{
    public static ChatRequest Parse(Uri url, System.Collections.Specialized.NameValueCollection headers, string body, int number)
    {
        var json = JsonNode.Parse(body)!;
        var user = json["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!;
        var content = user["content"] is JsonArray parts ? parts[0]!["text"]!.GetValue<string>() : user["content"]!.GetValue<string>();
        var keywords = JsonNode.Parse(content)!["keywords"]!.AsArray()
            .Select(k => new ChatKeyword(k!["id"]!.GetValue<int>(), k["text"]!.GetValue<string>())).ToList();
        return new ChatRequest(number, url.AbsolutePath, url.Query, headers["api-key"], headers["Authorization"], json, keywords, DateTime.UtcNow);
    }
}

public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay)
{
    public static FakeResponse Completion(string content, TimeSpan delay = default, int promptTokens = 100, int completionTokens = 20) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1700000000,
        model = "gpt-4o-mini",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
    }), new Dictionary<string, string>(), delay);

    public static FakeResponse Error(int status, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, "{\"error\":{\"message\":\"scripted\",\"type\":\"test\"}}", headers ?? new Dictionary<string, string>(), TimeSpan.Zero);
}
