using System.Text.Json;
using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Customer360.Functions;

/// <summary>
/// One [Function] per activity of the flow, each delegating to the same activity code the local host runs
/// (<see cref="ActivityCatalog"/>). Payloads stay JSON end to end. Every call logs inside a scope with the
/// run id and activity (the host adds the invocation id), so a run can be followed in Application Insights.
/// </summary>
public sealed partial class PipelineActivities(ActivityCatalog catalog, ILogger<PipelineActivities> logger)
{
    [Function(ActivityNames.PlanRun)]
    public Task<JsonElement> PlanRun([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.PlanRun, input, cancellationToken);

    [Function(ActivityNames.LoadIdentityMap)]
    public Task<JsonElement> LoadIdentityMap([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.LoadIdentityMap, input, cancellationToken);

    [Function(ActivityNames.MapContentFile)]
    public Task<JsonElement> MapContentFile([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.MapContentFile, input, cancellationToken);

    [Function(ActivityNames.ReduceContentShard)]
    public Task<JsonElement> ReduceContentShard([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.ReduceContentShard, input, cancellationToken);

    [Function(ActivityNames.LoadContent)]
    public Task<JsonElement> LoadContent([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.LoadContent, input, cancellationToken);

    [Function(ActivityNames.MapSearchFile)]
    public Task<JsonElement> MapSearchFile([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.MapSearchFile, input, cancellationToken);

    [Function(ActivityNames.ReduceSearchShard)]
    public Task<JsonElement> ReduceSearchShard([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.ReduceSearchShard, input, cancellationToken);

    [Function(ActivityNames.PlanClassification)]
    public Task<JsonElement> PlanClassification([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.PlanClassification, input, cancellationToken);

    [Function(ActivityNames.ClassifyBatch)]
    public Task<JsonElement> ClassifyBatch([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.ClassifyBatch, input, cancellationToken);

    [Function(ActivityNames.LoadSearch)]
    public Task<JsonElement> LoadSearch([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.LoadSearch, input, cancellationToken);

    [Function(ActivityNames.LoadCustomer360)]
    public Task<JsonElement> LoadCustomer360([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.LoadCustomer360, input, cancellationToken);

    [Function(ActivityNames.WriteRunReport)]
    public Task<JsonElement> WriteRunReport([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.WriteRunReport, input, cancellationToken);

    [Function(ActivityNames.WriteHtmlReport)]
    public Task<JsonElement> WriteHtmlReport([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.WriteHtmlReport, input, cancellationToken);

    [Function(ActivityNames.CleanupRun)]
    public Task<JsonElement> CleanupRun([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.CleanupRun, input, cancellationToken);

    [Function(ActivityNames.RecordRunFailure)]
    public Task<JsonElement> RecordRunFailure([ActivityTrigger] JsonElement input, CancellationToken cancellationToken) => RunAsync(ActivityNames.RecordRunFailure, input, cancellationToken);

    private async Task<JsonElement> RunAsync(string activity, JsonElement input, CancellationToken cancellationToken)
    {
        // Most inputs are records with a runId; the run-scoped steps (identity map, HTML report, cleanup) take the run id itself.
        var runId = input.ValueKind == JsonValueKind.Object && input.TryGetProperty("runId", out var id) ? id.GetString()
            : input.ValueKind == JsonValueKind.String ? input.GetString() : null;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["RunId"] = runId,
            ["Activity"] = activity,
        });
        var result = await catalog.InvokeAsync(activity, input, cancellationToken);
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
