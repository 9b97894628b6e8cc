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
    private readonly IOrchestrationService? _service;
    private bool _stopped;

    private SidecarEngine(IHost sidecar, IHost worker, IOrchestrationService? service)
    {
        _sidecar = sidecar;
        _worker = worker;
        _service = service;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    /// <param name="registry">The orchestrators and activities of the worker; null = a client only: nothing is dispatched,
    /// so started instances stay <c>Pending</c> (what a scheduled start looks like during its quiet period).</param>
    public static async Task<SidecarEngine> StartAsync(IOrchestrationService service, IOrchestrationServiceClient serviceClient, Action<DurableTaskRegistry>? registry)
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
                    // Without a worker, no dispatcher: the client API only (the sidecar's dispatcher expects a worker to connect).
                    services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = registry is null ? TaskHubGrpcServerMode.ApiServerOnly : TaskHubGrpcServerMode.ApiServerAndDispatcher);
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
                if (registry is not null)
                {
                    services.AddDurableTaskWorker(builder =>
                    {
                        builder.UseGrpc(address);
                        builder.AddTasks(registry);
                    });
                }
                services.AddDurableTaskClient(builder =>
                {
                    builder.UseGrpc(address);
                    builder.RegisterDirectly();
                });
            })
            .Build();
        await worker.StartAsync();
        return new SidecarEngine(sidecar, worker, registry is null ? null : service);
    }

    private static void QuietLogging(ILoggingBuilder logging) => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);

    /// <summary>
    /// Stops this worker the way an instance goes away: the sidecar first (work items in flight are never
    /// reported), then <paramref name="beforeWorkerStops"/> (to release activities held on purpose), the worker,
    /// and the backend service (which gives up its partition leases, so the next worker can take them).
    /// </summary>
    public async Task StopAsync(Action? beforeWorkerStops = null)
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await _sidecar.StopAsync();
        beforeWorkerStops?.Invoke();
        await _worker.StopAsync();
        if (_service is not null)
        {
            // Only a dispatching sidecar started the service.
            await _service.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _worker.Dispose();
        _sidecar.Dispose();
    }
}
