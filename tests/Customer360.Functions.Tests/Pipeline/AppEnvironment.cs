using Azure.Identity;
using Azure.Storage.Blobs;
using Customer360.Domain.Activities;
using Customer360.Domain.Classification;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Functions.Tests.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Functions.Tests.Pipeline;

/// <summary>
/// The Functions app's environment, built the way <c>Program.cs</c> builds it (<see cref="HostedEnvironmentFactory"/>
/// from app settings) over containers of their own on Azurite, with the tiny month uploaded to the logs container.
/// </summary>
public sealed class AppEnvironment : IAsyncDisposable
{
    private readonly BlobServiceClient _service;
    private readonly string _cacheFile;

    private AppEnvironment(Dictionary<string, string?> settings, BlobServiceClient service, string cacheFile, Domain.Reporting.IRunLog? runLog)
    {
        Settings = settings;
        _service = service;
        _cacheFile = cacheFile;
        var environment = HostedEnvironmentFactory.Create(key => settings.GetValueOrDefault(key), new DefaultAzureCredential(), NullLoggerFactory.Instance);
        // Without MySQL the factory keeps the keyword cache in one file under the temp folder; a file of its own per test.
        Environment = new PipelineEnvironment
        {
            Content = environment.Content,
            Search = environment.Search,
            Classifier = environment.Classifier,
            KeywordCache = new JsonFileKeywordCache(cacheFile),
            RunLog = runLog ?? environment.RunLog,
            IdentityMap = environment.IdentityMap,
            IdentityMapSink = environment.IdentityMapSink,
            Work = environment.Work,
            Output = environment.Output,
            Sinks = environment.Sinks,
            Options = environment.Options,
            ReclassifyStale = environment.ReclassifyStale,
            LoggerFactory = environment.LoggerFactory,
            Time = environment.Time,
        };
        Catalog = new ActivityCatalog(Environment);
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public PipelineEnvironment Environment { get; }

    public ActivityCatalog Catalog { get; }

    public BlobContainerClient Output => _service.GetBlobContainerClient(Settings[AppSettingNames.OutputContainer]);

    public BlobContainerClient Logs => _service.GetBlobContainerClient(Settings[AppSettingNames.LogsContainer]);

    public BlobContainerClient Work => _service.GetBlobContainerClient(Settings[AppSettingNames.WorkContainer]);

    public const int Shards = 2;

    /// <param name="runLog">Replaces the run log the settings configure (none without MySQL).</param>
    public static async Task<AppEnvironment> CreateAsync(IReadOnlyDictionary<string, string?>? extra = null, Domain.Reporting.IRunLog? runLog = null)
    {
        var connection = AzureStorageHub.Connection;
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?>
        {
            [AppSettingNames.LogsConnection] = connection,
            [AppSettingNames.LogsContainer] = "logs-" + suffix,
            [AppSettingNames.WorkContainer] = "work-" + suffix,
            [AppSettingNames.OutputContainer] = "out-" + suffix,
            [AppSettingNames.Shards] = Shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var service = new BlobServiceClient(connection);
        foreach (var container in new[] { AppSettingNames.LogsContainer, AppSettingNames.WorkContainer, AppSettingNames.OutputContainer })
        {
            await service.GetBlobContainerClient(settings[container]).CreateIfNotExistsAsync();
        }
        var logs = service.GetBlobContainerClient(settings[AppSettingNames.LogsContainer]);
        foreach (var (name, path) in TinyMonth.Blobs())
        {
            await logs.GetBlobClient(name).UploadAsync(path, overwrite: true);
        }
        return new AppEnvironment(settings, service, Path.Combine(Path.GetTempPath(), "c360-cache-" + suffix + ".json"), runLog);
    }

    /// <summary>The request the blob trigger and <c>POST /api/runs</c> build (every month, both streams).</summary>
    public PipelineRequest Request(string instanceId) =>
        HostedEnvironmentFactory.Request(instanceId, key => Settings.GetValueOrDefault(key), null, PipelineStreams.All);

    /// <summary>The output files as bytes, by name (tables in CSV and Parquet; the run reports carry times and are left out).</summary>
    public async Task<Dictionary<string, byte[]>> TablesAsync()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var blob in Output.GetBlobsAsync())
        {
            if (blob.Name.EndsWith(".csv", StringComparison.Ordinal) || blob.Name.EndsWith(".parquet", StringComparison.Ordinal))
            {
                files[blob.Name] = (await Output.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            }
        }
        return files;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in new[] { AppSettingNames.LogsContainer, AppSettingNames.WorkContainer, AppSettingNames.OutputContainer })
        {
            await _service.GetBlobContainerClient(Settings[container]).DeleteIfExistsAsync();
        }
        File.Delete(_cacheFile);
    }
}
