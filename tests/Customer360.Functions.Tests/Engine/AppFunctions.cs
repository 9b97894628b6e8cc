using System.Reflection;
using System.Text.Json;
using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Functions.Tests.Engine;

/// <summary>
/// Registers the Functions app's own orchestrator and activity functions with a Durable Task engine, found the way
/// the Functions host finds them: every <c>[Function]</c> with an <c>[OrchestrationTrigger]</c> (static) or an
/// <c>[ActivityTrigger]</c> (on <see cref="PipelineActivities"/>), under its function name.
/// </summary>
public static class AppFunctions
{
    private static IEnumerable<(string Name, MethodInfo Method)> WithTrigger<TTrigger>(BindingFlags flags) where TTrigger : Attribute =>
        typeof(PipelineActivities).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | flags))
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<TTrigger>() is not null))
            .Select(m => (m.GetCustomAttribute<FunctionAttribute>()!.Name, m));

    public static IReadOnlyList<(string Name, MethodInfo Method)> Activities { get; } = [.. WithTrigger<ActivityTriggerAttribute>(BindingFlags.Instance)];

    public static IReadOnlyList<(string Name, MethodInfo Method)> Orchestrators { get; } = [.. WithTrigger<OrchestrationTriggerAttribute>(BindingFlags.Static)];

    /// <param name="wrap">Optional hook around each activity call (counting, injected failures).</param>
    /// <param name="onStep">Optional observer of each orchestrator execution (replays).</param>
    public static void Register(DurableTaskRegistry registry, ActivityCatalog catalog,
        Func<string, JsonElement, Func<Task<JsonElement>>, Task<JsonElement>>? wrap = null, Action<TaskOrchestrationContext>? onStep = null)
    {
        RegisterOrchestrators(registry, onStep);
        var activities = new PipelineActivities(catalog, NullLogger<PipelineActivities>.Instance);
        foreach (var (name, method) in Activities)
        {
            Task<JsonElement> Call(JsonElement input) => (Task<JsonElement>)method.Invoke(activities, [input, CancellationToken.None])!;
            registry.AddActivityFunc<JsonElement, JsonElement>(name, (_, input) => wrap is null ? Call(input) : wrap(name, input, () => Call(input)));
        }
    }

    /// <summary>
    /// Each orchestrator function <c>(TaskOrchestrationContext, TInput) → Task&lt;TOutput&gt;</c>: its input arrives as
    /// JSON through the engine's converter and is bound with the payload contract, as the Functions host binds it.
    /// </summary>
    public static void RegisterOrchestrators(DurableTaskRegistry registry, Action<TaskOrchestrationContext>? onStep = null)
    {
        foreach (var (name, method) in Orchestrators)
        {
            var inputType = method.GetParameters()[1].ParameterType;
            // A lambda, not a method group in another file: avoids the DurableTask analyzer's AD0001 (facts note).
            registry.AddOrchestratorFunc<JsonElement, object?>(name, async (context, json) =>
            {
                onStep?.Invoke(context);
                var task = (Task)method.Invoke(null, [context, json.Deserialize(inputType, FlowJson.Payload)])!;
                await task;
                return task.GetType().GetProperty("Result")!.GetValue(task);
            });
        }
    }
}
