using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Customer360.DurableBench;
using Customer360.Domain.Flow;

using Customer360.Functions.Tests.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

// dotnet run --project benchmarks/Customer360.DurableBench -c Release -- [--files 30] [--shards 16] [--batches 1000] [--parallelism 8]
// Needs Azurite: C360_TEST_AZURITE (scripts/services/azurite.sh exports it).
int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
var files = Option("files", 30);
var shards = Option("shards", 16);
var batches = Option("batches", 1000);
var parallelism = Option("parallelism", PipelineRequest.DefaultClassifyParallelism);

var activities = new NoWorkActivities(files, batches);
var steps = new Dictionary<string, (int Executions, int Replays)>(StringComparer.Ordinal);
void Observe(TaskOrchestrationContext context)
{
    lock (steps)
    {
        var (executions, replays) = steps.GetValueOrDefault(context.Name.Name);
        steps[context.Name.Name] = (executions + 1, replays + (context.IsReplaying ? 1 : 0));
    }
}

await using var hub = await AzureStorageHub.CreateAsync();
await using var engine = await hub.StartEngineAsync(registry =>
{
    AppFunctions.RegisterOrchestrators(registry, Observe);
    foreach (var name in ActivityNames.All)
    {
        registry.AddActivityFunc<JsonElement, JsonElement>(name, (_, input) => activities.RunAsync(name, input));
    }
});

var request = new PipelineRequest("bench-month", shards, [202204], PipelineStreams.All, PipelineRequest.DefaultBatchSize, parallelism);
var clock = Stopwatch.StartNew();
await engine.Client.ScheduleNewOrchestrationInstanceAsync(PipelineFlow.Name, request, new StartOrchestrationOptions(request.RunId));
var run = await engine.Client.WaitForInstanceCompletionAsync(request.RunId, getInputsAndOutputs: false);
clock.Stop();
if (run.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
{
    Console.Error.WriteLine($"run ended {run.RuntimeStatus}: {run.FailureDetails}");
    return 1;
}

// History: every instance of the run (the orchestration and any sub-orchestrations) in the hub's History table.
var history = new TableClient(AzureStorageHub.Connection, hub.Name + "History");
var events = new Dictionary<string, int>(StringComparer.Ordinal);
await foreach (var row in history.QueryAsync<TableEntity>(select: ["PartitionKey"]))
{
    events[row.PartitionKey] = events.GetValueOrDefault(row.PartitionKey) + 1;
}

Console.WriteLine($"shape: {files} content + {files} search maps, {shards}+{shards} reduces, {batches} classify batches, parallelism {parallelism}");
Console.WriteLine($"wall time:            {clock.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"activity calls:       {activities.Calls}");
Console.WriteLine($"instances:            {events.Count} (largest history {events.Values.Max()} events, total {events.Values.Sum()})");
foreach (var (name, (executions, replays)) in steps.OrderBy(s => s.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"orchestrator {name}: {executions} executions, {replays} of them replays");
}
return 0;
