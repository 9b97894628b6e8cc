using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace Customer360.Functions.Tests.Engine;

/// <summary>The in-process Durable Task test host on a free loopback port, with the Functions app's converters.</summary>
public static class InProcessEngine
{
    // The test host's sidecar logs every gRPC call to the console through the default host configuration; quiet it.
    static InProcessEngine() => Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");

    public static Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> registry) =>
        DurableTaskTestHost.StartAsync(registry, new DurableTaskTestHostOptions { Port = FreePort(), ConfigureServices = FunctionsConverter.Apply });

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Registers, under the pipeline's name, an orchestrator that runs until it is sent <c>release</c>: for the
    /// trigger and HTTP tests, which are about which instances get started, not about the pipeline.
    /// </summary>
    public static void AddHeldPipeline(DurableTaskRegistry registry) =>
        registry.AddOrchestratorFunc<Customer360.Domain.Flow.PipelineRequest, string>(Customer360.Domain.Flow.PipelineFlow.Name,
            async (context, request) => await context.WaitForExternalEvent<string>("release"));
}
