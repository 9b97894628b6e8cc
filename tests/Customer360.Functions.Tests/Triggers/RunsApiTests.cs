using System.Text;
using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Functions.Tests.Engine;
using Customer360.Functions.Tests.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;

namespace Customer360.Functions.Tests.Triggers;

/// <summary>The HTTP functions with real ASP.NET Core requests against a real <see cref="DurableTaskClient"/>.</summary>
public class RunsApiTests
{
    private static HttpRequest Post(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("c360-func.azurewebsites.net");
        context.Request.Path = "/api/runs";
        context.Request.QueryString = new QueryString("?code=function-key");
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private static HttpRequest Get(string id)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/runs/" + id;
        return context.Request;
    }

    private static RunsApi Api(IReadOnlyDictionary<string, string?>? settings = null) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());

    private static async Task<int> CountAsync(DurableTaskClient client)
    {
        var count = 0;
        await foreach (var _ in client.GetAllInstancesAsync())
        {
            count++;
        }
        return count;
    }

    [Fact]
    public async Task POST_runs_starts_a_rerun_of_a_month_and_stream_and_answers_202_with_the_status_URL()
    {
        await using var host = await InProcessEngine.StartAsync(InProcessEngine.AddHeldPipeline);
        var request = Post("""{"month":202204,"streams":"content"}""");

        var result = Assert.IsType<ContentResult>(await Api().StartAsync(request, host.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status202Accepted, result.StatusCode);
        using var body = JsonDocument.Parse(result.Content!);
        Assert.Equal(["id", "statusQueryGetUri"], body.RootElement.EnumerateObject().Select(p => p.Name));
        var id = body.RootElement.GetProperty("id").GetString()!;
        Assert.StartsWith("rerun-202204-", id, StringComparison.Ordinal);
        var status = $"https://c360-func.azurewebsites.net/api/runs/{id}";
        Assert.Equal(status, body.RootElement.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal(status, request.HttpContext.Response.Headers.Location.ToString());
        var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        var run = instance!.ReadInputAs<PipelineRequest>()!;
        Assert.Equal(id, run.RunId);
        Assert.Equal([202204], run.Months);
        Assert.Equal(PipelineStreams.Content, run.Streams);
    }

    [Theory]
    [InlineData("""{"month":202213}""", "month must be YYYYMM with MM from 01 to 12, got 202213")]
    [InlineData("""{"month":202200}""", "got 202200")]
    [InlineData("""{"month":202204,"streams":"video"}""", "not a valid run request")]
    [InlineData("""{"month":202204,"streams":3}""", "not a valid run request")]
    [InlineData("""{"month":202204,"streams":"none"}""", "streams must be \"content\", \"search\" or \"all\"")]
    [InlineData("""{"mnth":202204}""", "mnth")]
    [InlineData("""{"month":""", "not a valid run request")]
    [InlineData("""[202204]""", "not a valid run request")]
    public async Task Bad_POST_bodies_get_400_with_a_message_naming_the_problem_and_start_nothing(string body, string message)
    {
        await using var host = await InProcessEngine.StartAsync(InProcessEngine.AddHeldPipeline);

        var result = Assert.IsType<ContentResult>(await Api().StartAsync(Post(body), host.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        using var error = JsonDocument.Parse(result.Content!);
        Assert.Contains(message, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(host.Client));
    }

    [Fact]
    public async Task GET_of_an_unknown_id_is_404_with_a_message()
    {
        await using var host = await InProcessEngine.StartAsync(InProcessEngine.AddHeldPipeline);

        var result = Assert.IsType<ContentResult>(await RunsApi.GetAsync(Get("nope"), "nope", host.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status404NotFound, result.StatusCode);
        Assert.Equal("""{"error":"No run with id 'nope'."}""", result.Content);
    }

    [Fact]
    public async Task GET_of_a_finished_rerun_returns_the_documented_status_shape_in_camelCase()
    {
        await using var app = await AppEnvironment.CreateAsync();
        await using var host = await InProcessEngine.StartAsync(registry => AppFunctions.Register(registry, app.Catalog));
        var api = Api(app.Settings);
        var started = Assert.IsType<ContentResult>(await api.StartAsync(Post("""{"month":202204,"streams":"content"}"""), host.Client, CancellationToken.None));
        var id = JsonDocument.Parse(started.Content!).RootElement.GetProperty("id").GetString()!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await host.Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var result = Assert.IsType<ContentResult>(await RunsApi.GetAsync(Get(id), id, host.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        Assert.StartsWith("application/json", result.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(result.Content!);
        var root = body.RootElement;
        Assert.Equal(["id", "runtimeStatus", "createdAt", "lastUpdatedAt", "customStatus", "output", "failure"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, root.GetProperty("id").GetString());
        Assert.Equal("Completed", root.GetProperty("runtimeStatus").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("failure").ValueKind);
        Assert.Equal(["stage", "done", "total", "rows"], root.GetProperty("customStatus").EnumerateObject().Select(p => p.Name));
        Assert.Equal("done", root.GetProperty("customStatus").GetProperty("stage").GetString());
        var output = root.GetProperty("output");
        Assert.Equal(["runId", "reportName", "inputErrors", "tables"], output.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, output.GetProperty("runId").GetString());
        // A content-only rerun: the content table and the single customer view.
        Assert.Equal(["content_profile", "customer_360"], output.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("table").GetString()));
    }
}
