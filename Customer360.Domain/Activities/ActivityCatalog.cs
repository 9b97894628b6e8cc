using System.Text.Json;
using Customer360.Domain.Flow;

namespace Customer360.Domain.Activities;

/// <summary>
/// Every activity of the flow by name, as a host sees them: JSON payload in, JSON payload out.
/// The local host runs them from here; the Azure host has one [Function] per entry.
/// </summary>
public sealed class ActivityCatalog
{
    private readonly Dictionary<string, Func<JsonElement, CancellationToken, Task<JsonElement>>> _activities = new(StringComparer.Ordinal);

    public ActivityCatalog(PipelineEnvironment environment)
    {
        Add(ActivityNames.PlanRun, new PlanRunActivity(environment));
        Add(ActivityNames.LoadIdentityMap, new LoadIdentityMapActivity(environment));
        Add(ActivityNames.MapContentFile, new MapContentFileActivity(environment));
        Add(ActivityNames.ReduceContentShard, new ReduceContentShardActivity(environment));
        Add(ActivityNames.LoadContent, new LoadContentActivity(environment));
        Add(ActivityNames.MapSearchFile, new MapSearchFileActivity(environment));
        Add(ActivityNames.ReduceSearchShard, new ReduceSearchShardActivity(environment));
        Add(ActivityNames.PlanClassification, new PlanClassificationActivity(environment));
        Add(ActivityNames.ClassifyBatch, new ClassifyBatchActivity(environment));
        Add(ActivityNames.LoadSearch, new LoadSearchActivity(environment));
        Add(ActivityNames.LoadCustomer360, new LoadCustomer360Activity(environment));
        Add(ActivityNames.WriteRunReport, new WriteRunReportActivity(environment));
        Add(ActivityNames.WriteHtmlReport, new WriteHtmlReportActivity(environment));
        Add(ActivityNames.CleanupRun, new CleanupRunActivity(environment));
        Add(ActivityNames.RecordRunFailure, new RecordRunFailureActivity(environment));
    }

    /// <summary>Registers an activity (hosts and tests may add or replace entries).</summary>
    public void Add<TInput, TOutput>(string name, IActivity<TInput, TOutput> activity)
    {
        _activities[name] = async (payload, ct) =>
        {
            var input = payload.Deserialize<TInput>(FlowJson.Payload)!;
            var output = await activity.RunAsync(input, ct).ConfigureAwait(false);
            return JsonSerializer.SerializeToElement(output, FlowJson.Payload);
        };
    }

    public Task<JsonElement> InvokeAsync(string name, JsonElement input, CancellationToken cancellationToken) =>
        _activities.TryGetValue(name, out var activity)
            ? activity(input, cancellationToken)
            : throw new InvalidOperationException($"No activity named '{name}'.");
}
