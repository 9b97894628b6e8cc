using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;

namespace Customer360.Functions.Tests.Metadata;

/// <summary>
/// The <c>functions.metadata</c> the worker SDK generates at build time is what the Functions host reads to
/// index the app: every function, its trigger and bindings must be the intended ones.
/// </summary>
public class FunctionsMetadataTests
{
    private static readonly Lazy<JsonArray> Metadata = new(() =>
    {
        // This test assembly's build output (…/bin/<Configuration>/net10.0/) mirrors the Functions project's.
        var output = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(output);
        var configuration = Path.GetFileName(Path.GetDirectoryName(output)!);
        var root = new DirectoryInfo(output);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Customer360.slnx")))
        {
            root = root.Parent;
        }
        var path = Path.Combine(root!.FullName, "Customer360.Functions", "bin", configuration, framework, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build Customer360.Functions first");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    });

    private static JsonObject Function(string name) =>
        Assert.Single(Metadata.Value, f => (string?)f!["name"] == name)!.AsObject();

    private static JsonObject[] Bindings(string function) => [.. Function(function)["bindings"]!.AsArray().Select(b => b!.AsObject())];

    private static JsonObject Binding(string function, string type) => Assert.Single(Bindings(function), b => (string?)b["type"] == type);

    [Fact]
    public void The_app_has_exactly_the_orchestrator_one_activity_per_activity_name_the_blob_trigger_and_the_two_HTTP_functions()
    {
        var expected = ActivityNames.All.Concat([PipelineFlow.Name, nameof(BlobDropTrigger), "StartRun", "GetRun"]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Metadata.Value.Select(f => (string)f!["name"]!).Order(StringComparer.Ordinal));
        Assert.All(Metadata.Value, f => Assert.Equal("Customer360.Functions.dll", (string?)f!["scriptFile"]));
    }

    [Fact]
    public void Every_activity_name_has_an_activity_trigger_function_of_that_name()
    {
        foreach (var name in ActivityNames.All)
        {
            var trigger = Binding(name, "activityTrigger");
            Assert.Equal("In", (string?)trigger["direction"]);
            Assert.Single(Bindings(name));
        }
    }

    [Fact]
    public void The_orchestrator_has_an_orchestration_trigger()
    {
        Assert.Single(Bindings(PipelineFlow.Name));
        Binding(PipelineFlow.Name, "orchestrationTrigger");
    }

    [Fact]
    public void The_blob_trigger_listens_to_Event_Grid_on_the_logs_container_with_the_logs_connection_and_has_a_durable_client()
    {
        var trigger = Binding(nameof(BlobDropTrigger), "blobTrigger");
        Assert.Equal("EventGrid", (string?)trigger["source"]);
        Assert.Equal(AppSettingNames.LogsConnection, (string?)trigger["connection"]);
        Assert.Equal($"%{AppSettingNames.LogsContainer}%/{{name}}", (string?)trigger["path"]);
        Binding(nameof(BlobDropTrigger), "durableClient");
        Assert.Equal(2, Bindings(nameof(BlobDropTrigger)).Length);
    }

    [Theory]
    [InlineData("StartRun", "runs", "post")]
    [InlineData("GetRun", "runs/{id}", "get")]
    public void The_HTTP_functions_have_their_route_method_key_level_a_durable_client_and_an_HTTP_result(string function, string route, string method)
    {
        var trigger = Binding(function, "httpTrigger");
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => (string)m!));
        Assert.Equal("Function", (string?)trigger["authLevel"]);
        Binding(function, "durableClient");
        Assert.Equal("Out", (string?)Binding(function, "http")["direction"]);
        Assert.Equal(3, Bindings(function).Length);
    }
}
