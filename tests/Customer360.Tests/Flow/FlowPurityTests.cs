using System.Reflection;
using System.Runtime.CompilerServices;
using Customer360.Domain.Flow;

namespace Customer360.Tests.Flow;

/// <summary>
/// The flow must obey orchestrator rules: it may only reach the port, its own contract records, tasks,
/// LINQ and collections — never clocks, randomness, threads, I/O or configuration. A type of the flow's own
/// namespace is not trusted for its name: the code the flow runs of it (each method it calls, the type's
/// static constructor, compiler-generated state machines and closures) is checked by the same rules, so an
/// impure helper placed in <c>Flow/</c> is caught.
/// </summary>
public class FlowPurityTests
{
    private const string FlowNamespace = "Customer360.Domain.Flow";

    private static readonly string[] AllowedNamespaces =
    [
        "System.Linq", "System.Collections", "System.Collections.Generic", "System.Runtime.CompilerServices",
    ];

    private static readonly Type[] AllowedTypes =
    [
        typeof(object), typeof(string), typeof(Math), typeof(int), typeof(long), typeof(double), typeof(bool), typeof(TimeSpan),
        typeof(Task), typeof(Task<>), typeof(Func<>), typeof(Func<,>), typeof(Func<,,>), typeof(Action), typeof(Action<>), typeof(Nullable<>),
        typeof(Exception), typeof(ArgumentException), typeof(InvalidOperationException), typeof(DateTime), typeof(IDisposable),
        typeof(System.Diagnostics.DebuggerHiddenAttribute), typeof(Array),
        // A step's failure is recorded, then rethrown: `throw;` after an await compiles to ExceptionDispatchInfo (no I/O).
        typeof(OperationCanceledException), typeof(System.Runtime.ExceptionServices.ExceptionDispatchInfo),
        // Plain data records that travel inside activity payloads.
        typeof(Domain.Content.ContentFileStats), typeof(Domain.Search.SearchFileStats), typeof(Domain.Classification.ClassificationUsage),
        // The flow logs only through the port's replay-safe logger (FlowLog's source-generated messages).
        typeof(Microsoft.Extensions.Logging.ILogger), typeof(Microsoft.Extensions.Logging.LoggerMessage), typeof(Microsoft.Extensions.Logging.EventId),
        typeof(Microsoft.Extensions.Logging.LogDefineOptions), typeof(Action<,,,>),
    ];

    /// <summary>The port itself: implemented by the hosts, which may do what the flow may not.</summary>
    private static readonly Type[] PortTypes = [typeof(IFlowContext)];

    private static readonly string[] ForbiddenMembers =
    [
        "DateTime.get_Now", "DateTime.get_UtcNow", "DateTime.get_Today", "Task.Run", "Task.Delay", "Task.get_Factory", "Task.ConfigureAwait", "Task`1.ConfigureAwait",
    ];

    public static List<string> Violations(Type flow) => Scan(flow).Violations;

    /// <summary>What the flow reaches, following the code it runs of its own namespace's types; and which of those members were followed.</summary>
    private static (List<string> Violations, List<string> Followed) Scan(Type flow)
    {
        var violations = new List<string>();
        var followed = new List<string>();
        var seen = new HashSet<MemberInfo>();
        var queue = new Queue<MemberInfo>(IlMemberScanner.ReferencedMembers(flow));
        while (queue.TryDequeue(out var member))
        {
            var declaring = member as Type ?? member.DeclaringType;
            if (declaring is null || !seen.Add(member))
            {
                continue;
            }
            var definition = declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring;
            string name = $"{definition.Name}.{member.Name}";
            if (ForbiddenMembers.Contains(name))
            {
                violations.Add($"{definition.FullName}::{member.Name}");
            }
            else if (AllowedTypes.Contains(definition) || AllowedNamespaces.Contains(definition.Namespace) || IsNestedIn(definition, flow) || PortTypes.Contains(definition))
            {
                continue;
            }
            else if (definition.Namespace == FlowNamespace)
            {
                followed.Add($"{definition.FullName}::{member.Name}");
                foreach (var reached in CodeRunBy(member, definition))
                {
                    queue.Enqueue(reached);
                }
            }
            else
            {
                violations.Add($"{definition.FullName}::{member.Name}");
            }
        }
        return (violations.Distinct().ToList(), followed);
    }

    /// <summary>
    /// The members referenced by the code that using <paramref name="member"/> runs: the method itself, the
    /// type's static constructor (a field or a call runs it), and a compiler-generated nested type whole (an
    /// async method's state machine, a lambda's closure).
    /// </summary>
    private static IEnumerable<MemberInfo> CodeRunBy(MemberInfo member, Type definition)
    {
        if (definition.TypeInitializer is { } cctor)
        {
            foreach (var m in IlMemberScanner.ReferencedMembers(cctor))
            {
                yield return m;
            }
        }
        if (definition.GetCustomAttribute<CompilerGeneratedAttribute>() is not null)
        {
            foreach (var m in IlMemberScanner.ReferencedMembers(definition))
            {
                yield return m;
            }
        }
        if (member is MethodBase method)
        {
            var body = method is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericMethodDefinition() : method;
            foreach (var m in IlMemberScanner.ReferencedMembers(body))
            {
                yield return m;
            }
        }
    }

    private static bool IsNestedIn(Type type, Type outer)
    {
        for (var t = type.DeclaringType; t is not null; t = t.DeclaringType)
        {
            if (t == outer)
            {
                return true;
            }
        }
        return false;
    }

    [Fact]
    public void The_pipeline_flow_reaches_only_the_port_and_pure_helpers()
    {
        var (violations, followed) = Scan(typeof(PipelineFlow));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        // The scanner really sees the flow's calls, and follows what it runs of its own namespace's types.
        Assert.Contains(IlMemberScanner.ReferencedMembers(typeof(PipelineFlow)), m => m.Name == nameof(IFlowContext.CallActivityAsync));
        Assert.Contains($"{typeof(RunPlan).FullName}::get_{nameof(RunPlan.ContentFiles)}", followed);
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

    [Fact]
    public void The_check_catches_an_impure_helper_placed_in_the_flow_namespace()
    {
        // Allowing Flow/ wholesale (as this check once did) would report nothing here.
        Assert.Equal(FlowNamespace, typeof(ImpureFlowHelperProbe).Namespace);
        var violations = Violations(typeof(FlowCallingAFlowNamespaceHelper));
        Assert.Contains("System.DateTime::get_UtcNow", violations); // in a method the flow calls
        Assert.Contains("System.Random::.ctor", violations); // in the helper's static constructor
        Assert.Contains("System.IO.File::ReadAllTextAsync", violations); // in the helper's async state machine
    }

    [Fact]
    public void Flow_types_depend_on_neither_the_activities_nor_the_hosts()
    {
        // The local engine used to live in Flow/ and made a folder cycle Flow → Activities → Reporting → Flow.
        string[] outside = ["Customer360.Domain.Activities", "Customer360.Domain.Hosting"];
        var flowTypes = typeof(PipelineFlow).Assembly.GetTypes().Where(t => t.Namespace == FlowNamespace).ToList();
        Assert.Contains(typeof(RunPlan), flowTypes);
        var reached = flowTypes.SelectMany(t => IlMemberScanner.ReferencedMembers(t).Select(m => m as Type ?? m.DeclaringType)
            .Concat(t.GetProperties().Select(p => p.PropertyType))
            .Concat(t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .Concat(t.GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Where(r => r?.Namespace is { } ns && outside.Any(o => ns.StartsWith(o, StringComparison.Ordinal)))
            .Select(r => $"{t.Name} → {r!.FullName}")).Distinct().ToList();
        Assert.True(reached.Count == 0, string.Join("\n", reached));
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

    private static class FlowCallingAFlowNamespaceHelper
    {
        public static async Task<string> RunAsync(IFlowContext context)
        {
            var settings = await ImpureFlowHelperProbe.ReadSettingsAsync();
            return await context.CallActivityAsync<string>("A", ImpureFlowHelperProbe.StartedAt() + ImpureFlowHelperProbe.Dice + settings);
        }
    }
}
