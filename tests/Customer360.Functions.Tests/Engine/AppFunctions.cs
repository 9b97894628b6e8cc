using System.Reflection;
using System.Text.Json;
using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Functions.Tests.Engine;

/// <summary>
/// Registers the Functions app's own orchestrator and activity functions with a Durable Task engine: every
/// method of <see cref="PipelineActivities"/> that has an <c>[ActivityTrigger]</c>, under its <c>[Function]</c>
/// name, and <see cref="PipelineOrchestrator.RunAsync"/> under the orchestrator's name.
/// </summary>
public static class AppFunctions
{
    public static IReadOnlyList<(string Name, MethodInfo Method)> Activities { get; } = [.. typeof(PipelineActivities)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
        .Select(m => (m.GetCustomAttribute<FunctionAttribute>()!.Name, m))];

    /// <param name="wrap">Optional hook around each activity call (counting, injected failures).</param>
    /// <param name="onStep">Optional observer of each orchestrator execution (replays).</param>
    public static void Register(DurableTaskRegistry registry, ActivityCatalog catalog,
        Func<string, JsonElement, Func<Task<JsonElement>>, Task<JsonElement>>? wrap = null, Action<TaskOrchestrationContext>? onStep = null)
    {
        var activities = new PipelineActivities(catalog, NullLogger<PipelineActivities>.Instance);
        // A lambda, not a method group in another file: avoids the DurableTask analyzer's AD0001 (facts note).
        registry.AddOrchestratorFunc<PipelineRequest, PipelineResult>(PipelineFlow.Name, (context, request) =>
        {
            onStep?.Invoke(context);
            return PipelineOrchestrator.RunAsync(context, request);
        });
        foreach (var (name, method) in Activities)
        {
            Task<JsonElement> Call(JsonElement input) => (Task<JsonElement>)method.Invoke(activities, [input, CancellationToken.None])!;
            registry.AddActivityFunc<JsonElement, JsonElement>(name, (_, input) => wrap is null ? Call(input) : wrap(name, input, () => Call(input)));
        }
    }
}
