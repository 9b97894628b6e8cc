using System.Globalization;
using Azure.Core;
using Azure.Storage.Blobs;
using Customer360.Domain.Activities;
using Customer360.Domain.Classification;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Customer360.Domain.Warehouse;
using Microsoft.Extensions.Logging;

namespace Customer360.Domain.Hosting;

/// <summary>
/// Builds the <see cref="PipelineEnvironment"/> of the Azure host from its application settings
/// (<see cref="AppSettingNames"/>): blob containers through a connection string (Azurite, local) or the
/// account's service URI and a token credential (managed identity, in Azure); MySQL sinks, cache and run
/// log when configured; the LLM classifier when configured.
/// </summary>
public static class HostedEnvironmentFactory
{
    public const string DefaultLogsContainer = "logs";
    public const string DefaultWorkContainer = "c360-work";
    public const string DefaultOutputContainer = "c360-output";

    public static PipelineEnvironment Create(Func<string, string?> setting, TokenCredential credential, ILoggerFactory loggerFactory)
    {
        var service = BlobService(setting, credential);
        var logs = service.GetBlobContainerClient(setting(AppSettingNames.LogsContainer) ?? DefaultLogsContainer);
        var work = new AzureBlobStore(service.GetBlobContainerClient(setting(AppSettingNames.WorkContainer) ?? DefaultWorkContainer));
        var output = new AzureBlobStore(service.GetBlobContainerClient(setting(AppSettingNames.OutputContainer) ?? DefaultOutputContainer));
        var mysql = NonEmpty(setting(AppSettingNames.MySqlConnectionString));

        List<ITableSink> sinks = [new FileTableSink(output)];
        if (mysql is not null)
        {
            sinks.Add(new MySqlTableSink(mysql));
        }
        return new PipelineEnvironment
        {
            Content = new SourceLocation(new AzureBlobStore(logs), "content/"),
            Search = new SourceLocation(new AzureBlobStore(logs), "search/"),
            Work = work,
            Output = output,
            Sinks = sinks,
            // Without MySQL the cache is a file on the instance's disk: it works, but is not shared across instances.
            KeywordCache = mysql is null ? new JsonFileKeywordCache(Path.Combine(Path.GetTempPath(), "c360-keyword-cache.json")) : new MySqlKeywordCache(mysql),
            RunLog = mysql is null ? null : new MySqlRunLog(mysql),
            Classifier = Classifier(setting, credential),
            ReclassifyStale = ClassificationSettings.ReclassifyStale(setting),
            Options = new PipelineOptions
            {
                Categories = ClassificationSettings.CategoryMap(setting),
                HighActivityDays = int.TryParse(setting(AppSettingNames.HighActivityDays), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : Content.ContentProfileCalculator.DefaultHighActivityDays,
            },
            LoggerFactory = loggerFactory,
        };
    }

    /// <summary>Shards per run (setting <c>C360_SHARDS</c>, default 16: one reduce step per shard).</summary>
    public static int Shards(Func<string, string?> setting) =>
        int.TryParse(setting(AppSettingNames.Shards), NumberStyles.Integer, CultureInfo.InvariantCulture, out var shards) && shards > 0 ? shards : 16;

    /// <summary>The run request for a month (or every month when null).</summary>
    public static PipelineRequest Request(string runId, Func<string, string?> setting, int? month, PipelineStreams streams) =>
        new(runId, Shards(setting), month is { } m ? [m] : null, streams);

    private static BlobServiceClient BlobService(Func<string, string?> setting, TokenCredential credential)
    {
        // Local (Azurite): a connection string in "C360Logs". Azure: "C360Logs__blobServiceUri" + managed identity.
        if (NonEmpty(setting(AppSettingNames.LogsConnection)) is { } connectionString)
        {
            return new BlobServiceClient(connectionString);
        }
        var uri = NonEmpty(setting(AppSettingNames.LogsConnection + "__blobServiceUri"))
            ?? throw new InvalidOperationException($"Set {AppSettingNames.LogsConnection} (connection string) or {AppSettingNames.LogsConnection}__blobServiceUri (identity).");
        return new BlobServiceClient(new Uri(uri), credential);
    }

    private static IKeywordClassifier Classifier(Func<string, string?> setting, TokenCredential credential)
    {
        var kind = (setting(AppSettingNames.Classifier) ?? "offline").ToLowerInvariant();
        var settings = ClassificationSettings.Apply(setting, new OpenAiClassifierSettings { Model = NonEmpty(setting(AppSettingNames.OpenAiModel)) ?? OpenAiClassifierSettings.DefaultModel });
        return kind switch
        {
            "azure-openai" => KeywordClassifierFactory.Create(ClassifierKind.AzureOpenAi, setting(AppSettingNames.OpenAiEndpoint), NonEmpty(setting(AppSettingNames.OpenAiKey)), settings, credential),
            "openai" => KeywordClassifierFactory.Create(ClassifierKind.OpenAi, setting(AppSettingNames.OpenAiEndpoint), setting(AppSettingNames.OpenAiKey), settings),
            _ => new RuleBasedKeywordClassifier(),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
