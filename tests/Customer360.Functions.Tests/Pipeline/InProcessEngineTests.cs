using System.Collections.Concurrent;
using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Functions.Tests.Engine;
using Customer360.Tests.Classification;
using Customer360.Tests.Reporting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace Customer360.Functions.Tests.Pipeline;

/// <summary>
/// The app's own orchestrator and activity functions on the Durable Task engine (the in-process gRPC test host:
/// the real 1.27 worker and client, history replayed on every step), with the Functions app's converter.
/// </summary>
public class InProcessEngineTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    private static Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> registry) => InProcessEngine.StartAsync(registry);

    private static async Task<OrchestrationMetadata> RunAsync(DurableTaskClient client, AppEnvironment app, string instanceId)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(PipelineFlow.Name, app.Request(instanceId), new StartOrchestrationOptions(instanceId));
        using var timeout = new CancellationTokenSource(RunTimeout);
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task A_month_runs_on_the_engine_with_replays_and_gives_the_CLI_tables()
    {
        using var temp = new TempFolder();
        var expected = await CliRun.TablesAsync(temp);
        await using var app = await AppEnvironment.CreateAsync();
        var calls = new ConcurrentBag<string>();
        var orchestratorSteps = 0;
        var replays = 0;
        await using var host = await StartAsync(registry => AppFunctions.Register(registry, app.Catalog,
            (name, _, call) => { calls.Add(name); return call(); },
            context =>
            {
                Interlocked.Increment(ref orchestratorSteps);
                if (context.IsReplaying)
                {
                    Interlocked.Increment(ref replays);
                }
            }));

        var run = await RunAsync(host.Client, app, "month-202204");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var result = run.ReadOutputAs<PipelineResult>()!;
        Assert.Equal("month-202204", result.RunId);
        Assert.False(result.InputErrors);
        CliRun.AssertSameTables(expected, await app.TablesAsync());
        // Every activity name the flow has was called (but the failure recorder, only for a failed run); the orchestrator
        // ran once per batch of completions, replaying its history.
        Assert.Equal(ActivityNames.All.Where(n => n != ActivityNames.RecordRunFailure).Order(StringComparer.Ordinal), calls.Distinct().Order(StringComparer.Ordinal));
        Assert.True(replays > 5 && orchestratorSteps > replays, $"{orchestratorSteps} orchestrator steps, {replays} replays");
        // The custom status is the documented shape, in camelCase, through the app's converter.
        Assert.Equal("""{"stage":"done","done":1,"total":1,"rows":0}""", run.SerializedCustomStatus);
    }

    [Fact]
    public async Task With_the_chat_completions_server_the_engine_gives_the_CLI_tables()
    {
        using var server = new FakeChatCompletionsServer(r => FakeChatCompletionsServer.Answer(r, GenreOf));
        using var temp = new TempFolder();
        var expected = await CliRun.TablesAsync(temp, server.BaseUrl + "v1");
        var cliRequests = server.Requests.Count;
        Assert.True(cliRequests > 0);
        await using var app = await AppEnvironment.CreateAsync(new Dictionary<string, string?>
        {
            [AppSettingNames.Classifier] = "openai",
            [AppSettingNames.OpenAiEndpoint] = server.BaseUrl + "v1",
            [AppSettingNames.OpenAiKey] = "test-key",
        });
        await using var host = await StartAsync(registry => AppFunctions.Register(registry, app.Catalog));

        var run = await RunAsync(host.Client, app, "rerun-llm");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.True(server.Requests.Count > cliRequests, "the Functions run asked the chat-completions server");
        CliRun.AssertSameTables(expected, await app.TablesAsync());
    }

    // Not the offline rules: a category the rules would rarely give, so the tables show the LLM's answers were used.
    private static string GenreOf(string keyword) => (keyword.Length % 3) switch { 0 => "Sports", 1 => "News", _ => "Kids" };

    [Fact]
    public async Task An_activity_that_fails_twice_is_retried_and_the_run_completes()
    {
        await using var app = await AppEnvironment.CreateAsync();
        var attempts = new ConcurrentDictionary<string, int>();
        await using var host = await StartAsync(registry => AppFunctions.Register(registry, app.Catalog, (name, input, call) =>
        {
            if (name == ActivityNames.LoadContent && attempts.AddOrUpdate(name, 1, (_, n) => n + 1) <= 2)
            {
                throw new IOException("transient: the output store is busy");
            }
            return call();
        }));

        var run = await RunAsync(host.Client, app, "retry-then-ok");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(3, attempts[ActivityNames.LoadContent]);
    }

    [Fact]
    public async Task An_activity_that_always_fails_ends_the_run_Failed_with_its_reason_after_the_retries_recorded_in_the_run_log()
    {
        var runLog = new RecordingRunLog();
        await using var app = await AppEnvironment.CreateAsync(runLog: runLog);
        var attempts = 0;
        await using var host = await StartAsync(registry => AppFunctions.Register(registry, app.Catalog, (name, input, call) =>
        {
            if (name == ActivityNames.ReduceSearchShard)
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidDataException("shard 1 partial is corrupt");
            }
            return call();
        }));

        var run = await RunAsync(host.Client, app, "always-fails");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Equal(ActivityRetryPolicy.Default.MaxNumberOfAttempts * AppEnvironment.Shards, attempts);
        Assert.Contains(ActivityNames.ReduceSearchShard, run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("shard 1 partial is corrupt", run.FailureDetails.ToString(), StringComparison.Ordinal);
        // The run log has the failure once, with the stage and the engine's message (TaskFailedException's), and no report.
        var failure = Assert.Single(runLog.Failures);
        Assert.Equal("always-fails", failure.RunId);
        Assert.Equal("reduce_search", failure.Stage);
        Assert.Contains(ActivityNames.ReduceSearchShard, failure.Reason, StringComparison.Ordinal);
        Assert.Contains("shard 1 partial is corrupt", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(run.FailureDetails.ErrorMessage, failure.Reason);
        Assert.Empty(runLog.Reports);
    }
}
