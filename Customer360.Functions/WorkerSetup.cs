using Azure.Core.Serialization;
using Customer360.Domain.Flow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360.Functions;

/// <summary>
/// The worker configuration that decides how payloads travel. The Durable extension wraps
/// <see cref="WorkerOptions.Serializer"/> as the DataConverter of both its worker and its client, so this one
/// setting makes every orchestration input/output, activity input/output and custom status follow
/// <see cref="FlowJson.Payload"/> — the same contract the local host uses. Tests call this too.
/// </summary>
public static class WorkerSetup
{
    /// <summary>The worker's serializer: the flow's payload contract.</summary>
    public static ObjectSerializer PayloadSerializer { get; } = new JsonObjectSerializer(FlowJson.Payload);

    public static IServiceCollection AddPayloadContract(this IServiceCollection services) =>
        services.Configure<WorkerOptions>(options => options.Serializer = PayloadSerializer);
}
