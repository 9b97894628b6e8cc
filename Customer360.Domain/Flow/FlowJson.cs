using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customer360.Domain.Flow;

/// <summary>The JSON settings for activity payloads, manifests and the run report.</summary>
public static class FlowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
    };

    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };

    /// <summary>
    /// The payload contract of the flow: every orchestration input and output, activity input and output and
    /// custom status, in both hosts (the local flow context and the activity catalog use it; the Functions app
    /// sets it as the worker's serializer, which the Durable extension wraps as its DataConverter). camelCase
    /// names, snake_case enums, and names bound case-sensitively: a payload that only binds because a
    /// serializer is lenient about case fails here, in every host.
    /// </summary>
    public static JsonSerializerOptions Payload { get; } = new(Options) { PropertyNameCaseInsensitive = false };
}
