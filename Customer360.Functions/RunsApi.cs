using System.Net;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;

namespace Customer360.Functions;

/// <summary>HTTP reruns: <c>POST /api/runs</c> starts one and answers with the status URLs; <c>GET /api/runs/{id}</c> reports it.</summary>
public sealed class RunsApi(IConfiguration configuration)
{
    /// <summary>Body of <c>POST /api/runs</c>: a month (YYYYMM, or null for every month) and optional streams.</summary>
    public sealed record RunRequest(int? Month, PipelineStreams? Streams);

    [Function("StartRun")]
    public async Task<HttpResponseData> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadFromJsonAsync<RunRequest>(cancellationToken) ?? new RunRequest(null, null);
        if (body.Month is { } m && (m % 100 is < 1 or > 12 || m / 100 < 2000))
        {
            var bad = request.CreateResponse(HttpStatusCode.BadRequest);
            await bad.WriteStringAsync("month must be YYYYMM", cancellationToken);
            return bad;
        }
        var instanceId = $"rerun-{body.Month?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}-{Guid.NewGuid():N}";
        var run = HostedEnvironmentFactory.Request(instanceId, key => configuration[key], body.Month, body.Streams ?? PipelineStreams.All);
        await client.ScheduleNewOrchestrationInstanceAsync(PipelineFlow.Name, run, new StartOrchestrationOptions(instanceId), cancellationToken);
        return await client.CreateCheckStatusResponseAsync(request, instanceId, cancellationToken);
    }

    [Function("GetRun")]
    public static async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}")] HttpRequestData request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return request.CreateResponse(HttpStatusCode.NotFound);
        }
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(new
        {
            instance.InstanceId,
            RuntimeStatus = instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            CustomStatus = instance.SerializedCustomStatus,
            Output = instance.SerializedOutput,
            Failure = instance.FailureDetails?.ErrorMessage,
        }, cancellationToken);
        return response;
    }
}
