using System.Collections.Concurrent;
using Customer360.Domain.Flow;
using Customer360.Functions.Tests.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Customer360.Functions.Tests.Pipeline;

/// <summary>
/// The app's functions on the Azure Storage backend that <c>host.json</c> names, on Azurite: history in tables,
/// work in queues, so a worker can go away mid-run and another one carries the same instance on.
/// </summary>
public class AzureStorageEngineTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private static async Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string instanceId)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task A_month_completes_on_the_Azure_Storage_backend_with_the_CLI_tables()
    {
        using var temp = new TempFolder();
        var expected = await CliRun.TablesAsync(temp);
        await using var app = await AppEnvironment.CreateAsync();
        await using var hub = await AzureStorageHub.CreateAsync();
        await using var engine = await hub.StartEngineAsync(registry => AppFunctions.Register(registry, app.Catalog));

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(PipelineFlow.Name, app.Request("month-202204"), new StartOrchestrationOptions("month-202204"));
        var run = await WaitAsync(engine.Client, "month-202204");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal("""{"stage":"done","done":1,"total":1,"rows":0}""", run.SerializedCustomStatus);
        CliRun.AssertSameTables(expected, await app.TablesAsync());
    }

    [Fact]
    public async Task A_worker_stopped_mid_run_leaves_the_instance_to_the_next_worker_which_completes_it_with_the_same_tables()
    {
        using var temp = new TempFolder();
        var expected = await CliRun.TablesAsync(temp);
        await using var app = await AppEnvironment.CreateAsync();
        await using var hub = await AzureStorageHub.CreateAsync();
        const string id = "month-202204";

        // Worker 1 runs the plan and the maps; the reduce steps do their work, then the worker goes away before
        // reporting them (as an instance does when it is recycled): their messages stay in the queue.
        var firstCalls = new ConcurrentQueue<string>();
        var reduceDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new CancellationTokenSource();
        var first = await hub.StartEngineAsync(registry => AppFunctions.Register(registry, app.Catalog, async (name, _, call) =>
        {
            var result = await call();
            if (name == ActivityNames.ReduceContentShard)
            {
                reduceDone.TrySetResult();
                await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                throw new OperationCanceledException("worker 1 went away");
            }
            firstCalls.Enqueue(name);
            return result;
        }));
        await first.Client.ScheduleNewOrchestrationInstanceAsync(PipelineFlow.Name, app.Request(id), new StartOrchestrationOptions(id));
        await reduceDone.Task.WaitAsync(RunTimeout);
        await first.StopAsync(release.Cancel);
        await first.DisposeAsync();
        Assert.Contains(ActivityNames.PlanRun, firstCalls);
        Assert.Equal(4, firstCalls.Count(c => c == ActivityNames.MapContentFile));

        // Worker 2 on the same task hub: the same instance resumes from its history.
        var secondCalls = new ConcurrentQueue<string>();
        await using var second = await hub.StartEngineAsync(registry => AppFunctions.Register(registry, app.Catalog, (name, _, call) =>
        {
            secondCalls.Enqueue(name);
            return call();
        }));
        var run = await WaitAsync(second.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        // Nothing that had completed ran again; the reduce steps worker 1 never reported ran again (at least once) and did no harm.
        Assert.DoesNotContain(ActivityNames.PlanRun, secondCalls);
        Assert.DoesNotContain(ActivityNames.MapContentFile, secondCalls);
        Assert.Equal(AppEnvironment.Shards, secondCalls.Count(c => c == ActivityNames.ReduceContentShard));
        Assert.Contains(ActivityNames.WriteRunReport, secondCalls);
        CliRun.AssertSameTables(expected, await app.TablesAsync());
    }
}
