using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Customer360.Functions.Tests.Engine;

/// <summary>
/// The layout of isolated Durable Functions, over any orchestration service: a gRPC sidecar (the test-host
/// package's public <see cref="TaskHubGrpcServer"/>, standing in for the Functions host's) dispatching work
/// from the backend, and the real 1.27 worker and client, with the Functions app's converters, connected to it.
/// Disposing it stops the worker and the sidecar; the backend's state stays where the backend keeps it.
/// </summary>
public sealed class SidecarEngine : IAsyncDisposable
{
    private readonly IHost _sidecar;
    private readonly IHost _worker;

    private SidecarEngine(IHost sidecar, IHost worker)
    {
        _sidecar = sidecar;
        _worker = worker;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    public static async Task<SidecarEngine> StartAsync(IOrchestrationService service, IOrchestrationServiceClient serviceClient, Action<DurableTaskRegistry> registry)
    {
        var sidecar = Host.CreateDefaultBuilder()
            .ConfigureLogging(QuietLogging)
            .ConfigureWebHostDefaults(web =>
            {
                web.UseUrls("http://127.0.0.1:0");
                web.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
                web.ConfigureServices(services =>
                {
                    services.AddGrpc();
                    services.AddSingleton(service);
                    services.AddSingleton(serviceClient);
                    services.AddSingleton<TaskHubGrpcServer>();
                });
                web.Configure(app =>
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGrpcService<TaskHubGrpcServer>());
                });
            })
            .Build();
        await sidecar.StartAsync();
        var address = sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var worker = Host.CreateDefaultBuilder()
            .ConfigureLogging(QuietLogging)
            .ConfigureServices(services =>
            {
                FunctionsConverter.Apply(services);
                services.AddDurableTaskWorker(builder =>
                {
                    builder.UseGrpc(address);
                    builder.AddTasks(registry);
                });
                services.AddDurableTaskClient(builder =>
                {
                    builder.UseGrpc(address);
                    builder.RegisterDirectly();
                });
            })
            .Build();
        await worker.StartAsync();
        return new SidecarEngine(sidecar, worker);
    }

    private static void QuietLogging(ILoggingBuilder logging) => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _sidecar.StopAsync();
        _sidecar.Dispose();
    }
}
