using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;

namespace Customer360.Functions;

/// <summary>
/// HTTP reruns (ASP.NET Core integration): <c>POST /api/runs</c> starts one and answers 202 with the status
/// URL; <c>GET /api/runs/{id}</c> reports it as <see cref="RunStatusResponse"/>. Bad input gets a 4xx with
/// <c>{"error": "..."}</c> naming what is wrong, and starts nothing.
/// </summary>
public sealed class RunsApi(IConfiguration configuration)
{
    /// <summary>Body of <c>POST /api/runs</c>: a month (YYYYMM, or absent for every month) and optional streams.</summary>
    public sealed record RunRequest(int? Month, PipelineStreams? Streams);

    /// <summary>The payload contract made strict for callers: unknown properties and numeric enum values are errors, not silently ignored.</summary>
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Responses: the payload contract, without escaping quotes and such for HTML (this is an API, not a page).</summary>
    private static readonly JsonSerializerOptions ResponseJson = new(FlowJson.Payload) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Function("StartRun")]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        RunRequest body;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? new RunRequest(null, null) : JsonSerializer.Deserialize<RunRequest>(text, RequestJson) ?? new RunRequest(null, null);
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, $"The body is not a valid run request ({{\"month\": YYYYMM, \"streams\": \"content\"|\"search\"|\"all\"}}): {e.Message}");
        }
        if (body.Month is { } m && (m % 100 is < 1 or > 12 || m / 100 is < 2000 or > 9999))
        {
            return Error(StatusCodes.Status400BadRequest, $"month must be YYYYMM with MM from 01 to 12, got {m.ToString(CultureInfo.InvariantCulture)}");
        }
        if (body.Streams is { } s && s is not (PipelineStreams.Content or PipelineStreams.Search or PipelineStreams.All))
        {
            return Error(StatusCodes.Status400BadRequest, "streams must be \"content\", \"search\" or \"all\"");
        }

        var instanceId = $"rerun-{body.Month?.ToString(CultureInfo.InvariantCulture) ?? "all"}-{Guid.NewGuid():N}";
        var run = HostedEnvironmentFactory.Request(instanceId, key => configuration[key], body.Month, body.Streams ?? PipelineStreams.All);
        await client.ScheduleNewOrchestrationInstanceAsync(PipelineFlow.Name, run, new Microsoft.DurableTask.StartOrchestrationOptions(instanceId), cancellationToken);

        // Relative to the request's own URL, so the route prefix and host are whatever the caller used (the key is not echoed).
        var statusUri = new Uri(new Uri(request.GetEncodedUrl()), "runs/" + Uri.EscapeDataString(instanceId));
        request.HttpContext.Response.Headers.Location = statusUri.AbsoluteUri;
        return Json(StatusCodes.Status202Accepted, new RunStartedResponse(instanceId, statusUri.AbsoluteUri));
    }

    [Function("GetRun")]
    public static async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        return instance is null
            ? Error(StatusCodes.Status404NotFound, $"No run with id '{id}'.")
            : Json(StatusCodes.Status200OK, RunStatusResponse.From(instance));
    }

    private static ContentResult Json(int status, object body) =>
        new() { StatusCode = status, ContentType = "application/json; charset=utf-8", Content = JsonSerializer.Serialize(body, body.GetType(), ResponseJson) };

    private static ContentResult Error(int status, string message) => Json(status, new ErrorResponse(message));
}
