using System.Text.Json;
using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Customer360.Functions;

/// <summary>
/// One [Function] per activity of the flow, each delegating to the same activity code the local host runs
/// (<see cref="ActivityCatalog"/>). Payloads stay JSON end to end. Every call logs inside a scope with the
/// run id and activity, so a run can be followed in Application Insights.
/// </summary>
public sealed partial class PipelineActivities(ActivityCatalog catalog, ILogger<PipelineActivities> logger)
{
    [Function(ActivityNames.PlanRun)]
    public Task<JsonElement> PlanRun([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.PlanRun, input, context);

    [Function(ActivityNames.MapContentFile)]
    public Task<JsonElement> MapContentFile([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.MapContentFile, input, context);

    [Function(ActivityNames.ReduceContentShard)]
    public Task<JsonElement> ReduceContentShard([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.ReduceContentShard, input, context);

    [Function(ActivityNames.LoadContent)]
    public Task<JsonElement> LoadContent([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.LoadContent, input, context);

    [Function(ActivityNames.MapSearchFile)]
    public Task<JsonElement> MapSearchFile([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.MapSearchFile, input, context);

    [Function(ActivityNames.ReduceSearchShard)]
    public Task<JsonElement> ReduceSearchShard([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.ReduceSearchShard, input, context);

    [Function(ActivityNames.PlanClassification)]
    public Task<JsonElement> PlanClassification([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.PlanClassification, input, context);

    [Function(ActivityNames.ClassifyBatch)]
    public Task<JsonElement> ClassifyBatch([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.ClassifyBatch, input, context);

    [Function(ActivityNames.LoadSearch)]
    public Task<JsonElement> LoadSearch([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.LoadSearch, input, context);

    [Function(ActivityNames.LoadCustomer360)]
    public Task<JsonElement> LoadCustomer360([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.LoadCustomer360, input, context);

    [Function(ActivityNames.WriteRunReport)]
    public Task<JsonElement> WriteRunReport([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.WriteRunReport, input, context);

    [Function(ActivityNames.WriteHtmlReport)]
    public Task<JsonElement> WriteHtmlReport([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.WriteHtmlReport, input, context);

    [Function(ActivityNames.CleanupRun)]
    public Task<JsonElement> CleanupRun([ActivityTrigger] JsonElement input, FunctionContext context) => RunAsync(ActivityNames.CleanupRun, input, context);

    private async Task<JsonElement> RunAsync(string activity, JsonElement input, FunctionContext context)
    {
        var runId = input.ValueKind == JsonValueKind.Object && input.TryGetProperty("runId", out var id) ? id.GetString() : null;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["RunId"] = runId,
            ["Activity"] = activity,
            ["InvocationId"] = context.InvocationId,
        });
        var result = await catalog.InvokeAsync(activity, input, context.CancellationToken);
        LogFinished(logger, activity, new ResultCounts(result));
        return result;
    }

    /// <summary>The counts of a result (rows, lines, files…) for the log, never the whole payload; formatted only if logged.</summary>
    private readonly struct ResultCounts(JsonElement result)
    {
        public override string ToString() =>
            result.ValueKind != JsonValueKind.Object ? result.ValueKind.ToString()
            : string.Join(", ", result.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => $"{p.Name}={p.Value}"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Activity} finished: {Result}")]
    private static partial void LogFinished(ILogger logger, string activity, ResultCounts result);
}
