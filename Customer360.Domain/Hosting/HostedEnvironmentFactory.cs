using Azure.Core;
using Azure.Storage.Blobs;
using Customer360.Domain.Activities;
using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace Customer360.Domain.Hosting;

/// <summary>
/// The Azure host's side of <see cref="PipelineEnvironmentBuilder"/>: its application settings
/// (<see cref="AppSettingNames"/>) bound strictly by <see cref="PipelineSettings.Bind"/>, and blob
/// containers through a connection string (Azurite, local) or the account's service URI and a token
/// credential (managed identity, in Azure). Invalid settings throw <see cref="SettingsException"/>.
/// </summary>
public static class HostedEnvironmentFactory
{
    public const string DefaultLogsContainer = "logs";
    public const string DefaultWorkContainer = "c360-work";
    public const string DefaultOutputContainer = "c360-output";

    public static PipelineEnvironment Create(Func<string, string?> setting, TokenCredential credential, ILoggerFactory loggerFactory)
    {
        var settings = Settings(setting);
        var service = BlobService(setting, credential);
        var logs = new AzureBlobStore(service.GetBlobContainerClient(NonEmpty(setting(AppSettingNames.LogsContainer)) ?? DefaultLogsContainer));
        var stores = new PipelineStores(
            new SourceLocation(logs, LogDropLayout.ContentPrefix),
            new SourceLocation(logs, LogDropLayout.SearchPrefix),
            new AzureBlobStore(service.GetBlobContainerClient(NonEmpty(setting(AppSettingNames.WorkContainer)) ?? DefaultWorkContainer)),
            new AzureBlobStore(service.GetBlobContainerClient(NonEmpty(setting(AppSettingNames.OutputContainer)) ?? DefaultOutputContainer)),
            Path.Combine(Path.GetTempPath(), "c360-keyword-cache.json"),
            // A blob of the logs container, by its name there (the plan lists only content/ and search/, so it is never read as a log).
            settings.IdentityMap is { } map ? new IdentityMapSource(logs, map, AppSettingNames.IdentityMap) : null);
        return PipelineEnvironmentBuilder.Build(settings, stores, loggerFactory, credential);
    }

    /// <summary>The app settings as the one settings model (strict: <see cref="SettingsException"/> on any bad value).</summary>
    public static PipelineSettings Settings(Func<string, string?> setting) => PipelineSettings.Bind(SettingSource.FromAppSettings(setting));


    /// <summary>The run request for a month (or every month when null).</summary>
    public static PipelineRequest Request(string runId, Func<string, string?> setting, int? month, PipelineStreams streams) =>
        Settings(setting).Request(runId, month is { } m ? [m] : null, streams);

    private static BlobServiceClient BlobService(Func<string, string?> setting, TokenCredential credential)
    {
        // Local (Azurite): a connection string in "C360Logs". Azure: "C360Logs__blobServiceUri" + managed identity.
        if (NonEmpty(setting(AppSettingNames.LogsConnection)) is { } connectionString)
        {
            return new BlobServiceClient(connectionString);
        }
        var name = AppSettingNames.LogsConnection + "__blobServiceUri";
        var uri = NonEmpty(setting(name))
            ?? throw new SettingsException($"{AppSettingNames.LogsConnection}: not set; set it to a storage connection string (local), or {name} to the blob service URI (managed identity).");
        return Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme == "https"
            ? new BlobServiceClient(parsed, credential)
            : throw new SettingsException($"{name}: '{uri}' is not an absolute https URL.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
