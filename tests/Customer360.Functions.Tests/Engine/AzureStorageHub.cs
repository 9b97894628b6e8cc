using DurableTask.AzureStorage;

namespace Customer360.Functions.Tests.Engine;

/// <summary>
/// A task hub of its own on Azurite, on the backend <c>host.json</c> names (<c>storageProvider.type: AzureStorage</c>):
/// queues, tables and blobs that outlive any one worker, deleted on dispose.
/// </summary>
public sealed class AzureStorageHub : IAsyncDisposable
{
    private AzureStorageHub(string name) => Name = name;

    public string Name { get; }

    public static string Connection => RequiredService.Get("C360_TEST_AZURITE");

    public static async Task<AzureStorageHub> CreateAsync()
    {
        // Task hub names: letters and digits, starting with a letter.
        var hub = new AzureStorageHub("c360t" + Guid.NewGuid().ToString("N")[..12]);
        await hub.NewService().CreateIfNotExistsAsync();
        return hub;
    }

    /// <summary>A fresh orchestration service on this hub: one per worker, as each Functions instance has its own.</summary>
    public AzureStorageOrchestrationService NewService() => new(new AzureStorageOrchestrationServiceSettings
    {
        TaskHubName = Name,
        // An activity message a stopped worker held comes back to the next worker after this (default 5 min).
        WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
        StorageAccountClientProvider = new StorageAccountClientProvider(Connection),
        // host.json caps the queue polling at 10 s for Flex; tests poll faster so idle gaps stay short.
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
        PartitionCount = 1,
        // Partition leases: taken and handed over in seconds, not the production half-minute.
        LeaseAcquireInterval = TimeSpan.FromSeconds(1),
        LeaseRenewInterval = TimeSpan.FromSeconds(2),
        LeaseInterval = TimeSpan.FromSeconds(6),
        WorkerId = "worker-" + Guid.NewGuid().ToString("N")[..8],
    });

    /// <summary>A worker on this hub: a new orchestration service, its sidecar, the worker and client.</summary>
    public Task<SidecarEngine> StartEngineAsync(Action<Microsoft.DurableTask.DurableTaskRegistry>? registry)
    {
        var service = NewService();
        return SidecarEngine.StartAsync(service, service, registry);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await NewService().DeleteAsync();
        }
        catch (Azure.RequestFailedException)
        {
            // Best effort: a leftover hub on a throwaway Azurite must not fail a test.
        }
    }
}
