using System.Globalization;
using Azure.Storage.Blobs;
using Customer360.Domain.Activities;
using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Domain.Reporting;
using Customer360.Domain.Reporting.Html;
using Customer360.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace Customer360.Cli;

/// <summary>The local host: its stores, the shared environment builder, and the shared flow run in-process.</summary>
public static class LocalPipelineRunner
{
    public static async Task<(PipelineResult Result, RunReport Report)> RunAsync(
        LocalRunOptions options, ILoggerFactory loggerFactory, Action<FlowStatus>? onStatus, CancellationToken cancellationToken)
    {
        var settings = options.Settings.Validate();
        var output = new LocalFolderStore(options.OutputDirectory);
        var (content, search, work) = Sources(options);
        var environment = PipelineEnvironmentBuilder.Build(settings, new PipelineStores(content, search, work, output, options.KeywordCachePath, IdentityMap(settings)),
            loggerFactory, credential: null, options.ClassifierOverride, options.KeywordCacheOverride);
        try
        {
            var runId = "local-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
            using var context = new InProcessFlowContext(runId, new ActivityCatalog(environment), options.Parallelism, loggerFactory, cancellationToken: cancellationToken);
            if (onStatus is not null)
            {
                context.StatusChanged += onStatus;
            }
            // The flow's last step removes the run's scratch; partials stay for reuse.
            var result = await PipelineFlow.RunAsync(context, settings.Request(runId, options.Months, PipelineStreams.All)).ConfigureAwait(false);
            return (result, await ReportData.ReadRunReportAsync(output, result.ReportName, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            if (options.KeywordCacheOverride is null && environment.KeywordCache is IDisposable owned)
            {
                owned.Dispose();
            }
            // The LLM classifier owns its rate-limit timers; one built here is disposed here.
            if (options.ClassifierOverride is null && environment.Classifier is IDisposable ownedClassifier)
            {
                ownedClassifier.Dispose();
            }
        }
    }

    /// <summary>The identity map's file (<see cref="PipelineSettings.IdentityMap"/> is a path here); the flow's identity-map step reads and validates it.</summary>
    private static IdentityMapSource? IdentityMap(PipelineSettings settings)
    {
        if (settings.IdentityMap is not { } path)
        {
            return null;
        }
        var full = Path.GetFullPath(path);
        return new IdentityMapSource(new LocalFolderStore(Path.GetDirectoryName(full)!), Path.GetFileName(full), $"--identity-map ({AppSettingNames.IdentityMap})");
    }

    /// <summary>Folders, or a blob container laid out as content/ and search/ (DESIGN §1) with partials under a prefix of its own.</summary>
    private static (SourceLocation? Content, SourceLocation? Search, IBlobStore Work) Sources(LocalRunOptions options)
    {
        if (options.StorageConnectionString is { } connection)
        {
            var container = new BlobContainerClient(connection, options.Container ?? throw new ArgumentException("--storage needs --container."));
            var store = new AzureBlobStore(container);
            IBlobStore blobWork = options.WorkDirectory is null ? new AzureBlobStore(container, LocalRunOptions.BlobWorkPrefix) : new LocalFolderStore(options.WorkDirectory);
            return (new SourceLocation(store, LogDropLayout.ContentPrefix), new SourceLocation(store, LogDropLayout.SearchPrefix), blobWork);
        }
        return (
            options.ContentDirectory is null ? null : new SourceLocation(new LocalFolderStore(options.ContentDirectory), ""),
            options.SearchDirectory is null ? null : new SourceLocation(new LocalFolderStore(options.SearchDirectory), ""),
            new LocalFolderStore(options.ResolvedWorkDirectory));
    }
}
