using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace Customer360.Functions;

/// <summary>
/// The body of <c>GET /api/runs/{id}</c> (documented in the README): the runtime status as Durable names it,
/// the custom status as the flow publishes it (<c>stage</c>, <c>done</c>, <c>total</c>, <c>rows</c>), the
/// output once completed, and the failure message once failed. Serialised with the payload contract (camelCase).
/// </summary>
public sealed record RunStatusResponse(
    string Id,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    JsonElement? CustomStatus,
    JsonElement? Output,
    string? Failure)
{
    public static RunStatusResponse From(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new(instance.InstanceId, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt,
            Parse(instance.SerializedCustomStatus), Parse(instance.SerializedOutput), instance.FailureDetails?.ErrorMessage);
    }

    // The engine stores both as JSON text written by the payload converter; pass them on as JSON, not as strings.
    private static JsonElement? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
}
