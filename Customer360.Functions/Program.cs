using Azure.Identity;
using Customer360.Domain.Activities;
using Customer360.Domain.Hosting;
using Customer360.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The Azure host: wiring only. Settings are read once (names in AppSettingNames); the activities get the
// same PipelineEnvironment the local host builds from its command line.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddPayloadContract()
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddSingleton(services =>
{
    var configuration = services.GetRequiredService<IConfiguration>();
    var environment = HostedEnvironmentFactory.Create(key => configuration[key], new DefaultAzureCredential(), services.GetRequiredService<ILoggerFactory>());
    return new ActivityCatalog(environment);
});
builder.Build().Run();
