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
        StorageAccountClientProvider = new StorageAccountClientProvider(Connection),
        // host.json caps the queue polling at 10 s for Flex; tests poll faster so idle gaps stay short.
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
        PartitionCount = 1,
        WorkerId = "worker-" + Guid.NewGuid().ToString("N")[..8],
    });

    public Task<SidecarEngine> StartEngineAsync(Action<Microsoft.DurableTask.DurableTaskRegistry> registry)
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
