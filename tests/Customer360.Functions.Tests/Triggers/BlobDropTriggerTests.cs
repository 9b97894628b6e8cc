using Azure.Storage.Blobs;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Functions.Tests.Engine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;

namespace Customer360.Functions.Tests.Triggers;

/// <summary>
/// The blob trigger function with a real <see cref="DurableTaskClient"/> on the Azure Storage backend (Azurite):
/// which month runs a stream of drops starts, with the backend's own duplicate-id rules. The test sidecar ignores a
/// scheduled start time (the Functions host honours it), so the quiet period is what a client with no worker sees:
/// started instances stay Pending. Where a run must be running, the pipeline is held running on purpose: the
/// question here is which instances exist, not what they compute.
/// </summary>
public class BlobDropTriggerTests
{
    private static readonly IConfiguration Settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [AppSettingNames.LogsContainer] = "logs",
        [AppSettingNames.Shards] = "4",
    }).Build();

    private static BlobClient Blob(string name) =>
        new(new Uri("http://127.0.0.1:10000/devstoreaccount1/logs/" + name));

    private static Task DropAsync(BlobDropTrigger trigger, DurableTaskClient client, string name) =>
        trigger.RunAsync(Blob(name), name, client, CancellationToken.None);

    private static async Task<List<OrchestrationMetadata>> InstancesAsync(DurableTaskClient client)
    {
        var all = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true }))
        {
            all.Add(instance);
        }
        return all;
    }

    private static string[] Day(int day) =>
        [$"content/202204{day:00}.json", $"search/202204{day:00}/part-0.parquet"];

    [Fact]
    public async Task A_months_thirty_days_of_drops_arriving_together_give_one_pending_run_after_the_quiet_period()
    {
        await using var hub = await AzureStorageHub.CreateAsync();
        await using var host = await hub.StartEngineAsync(null);
        var logger = new ListLogger<BlobDropTrigger>();
        var trigger = new BlobDropTrigger(Settings, logger);

        var drops = Enumerable.Range(1, 30).Select(d => $"content/202204{d:00}.json").ToList();
        await Task.WhenAll(drops.Select(name => Task.Run(() => DropAsync(trigger, host.Client, name))));

        var instance = Assert.Single(await InstancesAsync(host.Client));
        Assert.Equal(MonthRunScheduler.CurrentId(202204), instance.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, instance.RuntimeStatus);
        var request = instance.ReadInputAs<PipelineRequest>()!;
        Assert.Equal([202204], request.Months);
        Assert.Equal(PipelineStreams.All, request.Streams);
        Assert.Equal(4, request.Shards);
        // Every drop either started it, joined it, or lost the race to start it. Several racing drops may "start" it:
        // the Azure Storage backend checks the dedupe statuses against its instance table without a lock, so racing
        // creates of one id all succeed — but it stays one instance, and the trigger never starts a second id.
        Assert.Contains(logger.Messages, m => m.Contains("scheduled run " + MonthRunScheduler.CurrentId(202204), StringComparison.Ordinal));
        Assert.Equal(30, logger.Messages.Count(m => m.Contains("scheduled run", StringComparison.Ordinal) || m.Contains("joins the pending run", StringComparison.Ordinal) || m.Contains("already scheduled by a concurrent drop", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Drops_while_the_month_run_is_running_queue_exactly_one_follow_up()
    {
        await using var hub = await AzureStorageHub.CreateAsync();
        await using var host = await hub.StartEngineAsync(InProcessEngine.AddHeldPipeline);
        var logger = new ListLogger<BlobDropTrigger>();
        var trigger = new BlobDropTrigger(Settings, logger);
        var current = MonthRunScheduler.CurrentId(202204);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(PipelineFlow.Name, new PipelineRequest(current, 4, [202204]), new Microsoft.DurableTask.StartOrchestrationOptions(current));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await host.Client.WaitForInstanceStartAsync(current, timeout.Token);

        await Task.WhenAll(Enumerable.Range(10, 6).SelectMany(Day).Select(name => Task.Run(() => DropAsync(trigger, host.Client, name))));

        var instances = await InstancesAsync(host.Client);
        Assert.Equal([current, MonthRunScheduler.NextId(202204)], instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal));
        Assert.Equal(OrchestrationRuntimeStatus.Running, instances.Single(i => i.InstanceId == current).RuntimeStatus);
        // The running run is never replaced. (Concurrent drops may each create the follow-up: the Azure Storage
        // backend checks the dedupe statuses against its instance table without a lock, so racing creates of one
        // id all succeed; the id is one instance and the backend runs one execution of it.)
        Assert.Contains(logger.Messages, m => m.Contains("scheduled run " + MonthRunScheduler.NextId(202204), StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Messages, m => m.Contains("scheduled run " + current + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_event_twice_adds_nothing_and_files_that_are_not_logs_start_nothing()
    {
        await using var hub = await AzureStorageHub.CreateAsync();
        await using var host = await hub.StartEngineAsync(null);
        var trigger = new BlobDropTrigger(Settings, new ListLogger<BlobDropTrigger>());

        await DropAsync(trigger, host.Client, "search/20220605/part-0.parquet");
        var first = Assert.Single(await InstancesAsync(host.Client));
        await DropAsync(trigger, host.Client, "search/20220605/part-0.parquet");
        var again = Assert.Single(await InstancesAsync(host.Client));
        Assert.Equal(MonthRunScheduler.CurrentId(202206), again.InstanceId);
        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, again.RuntimeStatus);

        await DropAsync(trigger, host.Client, "readme.txt");
        await DropAsync(trigger, host.Client, "content/2022-06-05.json");
        Assert.Single(await InstancesAsync(host.Client));
    }
}
