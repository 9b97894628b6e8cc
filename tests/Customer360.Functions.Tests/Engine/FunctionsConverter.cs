using Customer360.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Customer360.Functions.Tests.Engine;

/// <summary>
/// The DataConverter the Functions app runs with, resolved the way the worker builds it: the worker's defaults,
/// the app's own <see cref="WorkerSetup.AddPayloadContract"/>, and the Durable extension's configuration (which
/// wraps the worker serializer for its worker and its client). Not a copy of the settings: the real thing.
/// </summary>
public static class FunctionsConverter
{
    private static readonly Lazy<(DataConverter Worker, DataConverter Client)> Resolved = new(() =>
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        var builder = services.AddFunctionsWorkerDefaults();
        services.AddPayloadContract();
        builder.ConfigureDurableExtension();
        using var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter,
                provider.GetRequiredService<IOptions<DurableTaskClientOptions>>().Value.DataConverter);
    });

    /// <summary>The worker's converter (orchestrator and activity payloads, custom status).</summary>
    public static DataConverter Worker => Resolved.Value.Worker;

    /// <summary>The client's converter (what the blob trigger and HTTP functions send and read).</summary>
    public static DataConverter Client => Resolved.Value.Client;

    /// <summary>Makes a test engine's worker and client use the Functions app's converters.</summary>
    public static void Apply(IServiceCollection services)
    {
        services.Configure<DurableTaskWorkerOptions>(o => o.DataConverter = Worker);
        services.Configure<DurableTaskClientOptions>(o => o.DataConverter = Client);
    }
}
