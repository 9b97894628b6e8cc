using System.Text.Json;
using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Domain.Storage;
using Customer360.Domain.Classification;
using Customer360.Domain.Tables;
using Customer360.Functions.Tests.Engine;
using Customer360.Functions.Tests.Pipeline;
using Customer360.Tests.Classification;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Functions.Tests.Payloads;

/// <summary>
/// One payload contract (<see cref="FlowJson.Payload"/>) for both hosts: every activity input and output the flow
/// really produces, the orchestration input and output and the custom status, round-tripped through the
/// converter the Functions app runs with, come back equal and are written exactly as the local host writes them.
/// </summary>
public class PayloadContractTests
{
    private static readonly Lazy<(RecordingFlowContext Context, PipelineRequest Request, PipelineResult Result)> LocalRun = new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), "c360-payloads-" + Guid.NewGuid().ToString("N")[..8]);
        // With an identity map, so its step's result and the customer view's input carry names, not nulls.
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "identity_map.csv"), $"contract,user_id\n{Generation.ContentLogGenerator.ContractId(0)},{Generation.SearchLogGenerator.UserId(0)}\n");
        var environment = new PipelineEnvironment
        {
            IdentityMap = new Domain.Customers.IdentityMapSource(new LocalFolderStore(output), "identity_map.csv", "C360_IDENTITY_MAP"),
            Content = new SourceLocation(new LocalFolderStore(TinyMonth.Content), ""),
            Search = new SourceLocation(new LocalFolderStore(TinyMonth.Search), ""),
            Work = new LocalFolderStore(Path.Combine(output, ".work")),
            Output = new LocalFolderStore(output),
            Sinks = [new FileTableSink(new LocalFolderStore(output))],
            KeywordCache = new InMemoryKeywordCache(),
        };
        using var local = new InProcessFlowContext("payloads", new ActivityCatalog(environment), 2, NullLoggerFactory.Instance);
        var context = new RecordingFlowContext(local);
        var request = new PipelineRequest("payloads", AppEnvironment.Shards, [202204, 202206, 202207], PipelineStreams.All, ClassifyBatchSize: 5, ClassifyParallelism: 2);
        var result = PipelineFlow.RunAsync(context, request).GetAwaiter().GetResult();
        Directory.Delete(output, recursive: true);
        return (context, request, result);
    });

    private static void AssertRoundTrips(object value, Type type)
    {
        var converter = FunctionsConverter.Worker;
        var json = converter.Serialize(value)!;
        Assert.Equal(JsonSerializer.Serialize(value, type, FlowJson.Payload), json);
        var back = converter.Deserialize(json, type);
        Assert.Equal(json, JsonSerializer.Serialize(back, type, FlowJson.Payload));
        // The client side (blob trigger, HTTP) reads what the worker wrote the same way.
        Assert.Equal(json, FunctionsConverter.Client.Serialize(FunctionsConverter.Client.Deserialize(json, type)));
    }

    [Fact]
    public void The_Functions_app_converter_is_the_extension_shim_over_the_payload_contract()
    {
        Assert.Equal("ObjectConverterShim", FunctionsConverter.Worker.GetType().Name);
        Assert.Equal("ObjectConverterShim", FunctionsConverter.Client.GetType().Name);
        Assert.Equal("""{"stage":"map_content","done":3,"total":30,"rows":1200}""", FunctionsConverter.Worker.Serialize(new FlowStatus("map_content", 3, 30, 1200)));
    }

    [Fact]
    public void Every_activity_input_and_output_of_a_real_run_round_trips_through_the_Functions_converter()
    {
        var (context, _, _) = LocalRun.Value;
        // All but the failure recorder, which only a failed run calls (its payload crosses the real engine in InProcessEngineTests).
        Assert.Equal(ActivityNames.All.Where(n => n != ActivityNames.RecordRunFailure).Order(StringComparer.Ordinal), context.Calls.Select(c => c.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(context.Calls, c => c.Result is IdentityMapLoaded { Name: not null, Links: 1 });
        Assert.Contains(context.Calls, c => c.Input is LoadCustomer360Input { ContentSide: not null, SearchSide: not null, IdentityMap: not null });
        foreach (var call in context.Calls)
        {
            AssertRoundTrips(call.Input!, call.Input!.GetType());
            AssertRoundTrips(call.Result!, call.ResultType);
        }
    }

    [Fact]
    public void The_orchestration_input_output_and_custom_status_round_trip_through_the_Functions_converter()
    {
        var (context, request, result) = LocalRun.Value;
        AssertRoundTrips(request, typeof(PipelineRequest));
        AssertRoundTrips(result, typeof(PipelineResult));
        foreach (var status in context.Statuses)
        {
            AssertRoundTrips(status, typeof(FlowStatus));
        }
    }

    [Fact]
    public void Names_bind_case_sensitively_so_no_payload_works_only_because_a_serializer_is_lenient()
    {
        var pascal = """{"RunId":"r1","Shards":4,"Months":[202204],"Streams":"content"}""";
        var request = FunctionsConverter.Worker.Deserialize<PipelineRequest>(pascal)!;
        Assert.Null(request.RunId);
        var camel = FunctionsConverter.Worker.Deserialize<PipelineRequest>("""{"runId":"r1","shards":4,"months":[202204],"streams":"content"}""")!;
        Assert.Equal(new PipelineRequest("r1", 4, camel.Months, PipelineStreams.Content), camel);
    }
}
