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
}
