using System.Reflection;
using Customer360.Domain.Flow;

namespace Customer360.Tests.Flow;

/// <summary>
/// The flow must obey orchestrator rules: it may only reach the port, its own contract records, tasks,
/// LINQ and collections — never clocks, randomness, threads, I/O or configuration.
/// </summary>
public class FlowPurityTests
{
    private static readonly string[] AllowedNamespaces =
    [
        "Customer360.Domain.Flow", "System.Linq", "System.Collections", "System.Collections.Generic", "System.Runtime.CompilerServices",
    ];

    private static readonly Type[] AllowedTypes =
    [
        typeof(object), typeof(string), typeof(Math), typeof(int), typeof(long), typeof(double), typeof(bool), typeof(TimeSpan),
        typeof(Task), typeof(Task<>), typeof(Func<,>), typeof(Func<,,>), typeof(Action), typeof(Action<>), typeof(Nullable<>),
        typeof(Exception), typeof(ArgumentException), typeof(InvalidOperationException), typeof(DateTime), typeof(IDisposable),
        typeof(System.Diagnostics.DebuggerHiddenAttribute), typeof(Array),
        // A step's failure is recorded, then rethrown: `throw;` after an await compiles to ExceptionDispatchInfo (no I/O).
        typeof(OperationCanceledException), typeof(System.Runtime.ExceptionServices.ExceptionDispatchInfo),
        // Plain data records that travel inside activity payloads.
        typeof(Domain.Content.ContentFileStats), typeof(Domain.Search.SearchFileStats), typeof(Domain.Classification.ClassificationUsage),
    ];

    private static readonly string[] ForbiddenMembers =
    [
        "DateTime.get_Now", "DateTime.get_UtcNow", "DateTime.get_Today", "Task.Run", "Task.Delay", "Task.get_Factory", "Task.ConfigureAwait", "Task`1.ConfigureAwait",
    ];

    public static List<string> Violations(Type type)
    {
        var violations = new List<string>();
        foreach (var member in IlMemberScanner.ReferencedMembers(type))
        {
            var declaring = member as Type ?? member.DeclaringType;
            if (declaring is null)
            {
                continue;
            }
            var definition = declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring;
            string name = $"{definition.Name}.{member.Name}";
            bool allowedType = AllowedTypes.Contains(definition)
                || AllowedNamespaces.Contains(definition.Namespace)
                || (definition.DeclaringType is { } outer && (outer == type || outer.DeclaringType == type));
            if (!allowedType || ForbiddenMembers.Contains(name))
            {
                violations.Add($"{definition.FullName}::{member.Name}");
            }
        }
        return violations.Distinct().ToList();
    }

    [Fact]
    public void The_pipeline_flow_reaches_only_the_port_and_pure_helpers()
    {
        var violations = Violations(typeof(PipelineFlow));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        // The scanner really sees the flow's calls.
        Assert.Contains(IlMemberScanner.ReferencedMembers(typeof(PipelineFlow)), m => m.Name == nameof(IFlowContext.CallActivityAsync));
    }

    [Fact]
    public void The_check_catches_clocks_randomness_threads_and_io()
    {
        var violations = Violations(typeof(ImpureFlow));
        Assert.Contains("System.DateTime::get_UtcNow", violations);
        Assert.Contains("System.Random::.ctor", violations);
        Assert.Contains("System.Threading.Tasks.Task::Run", violations);
        Assert.Contains("System.IO.File::Exists", violations);
    }

    private static class ImpureFlow
    {
        public static async Task<string> RunAsync(IFlowContext context)
        {
            var now = DateTime.UtcNow;
            int dice = new Random().Next();
            await Task.Run(() => File.Exists("x"));
            return await context.CallActivityAsync<string>("A", now.Ticks + dice);
        }
    }
}
