using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Customer360.Domain.Activities;
using Customer360.Domain.Classification;
using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Customer360.Domain.Warehouse;
using Microsoft.Extensions.Logging;

namespace Customer360.Cli;

/// <summary>The local host: builds the environment from options and runs the shared flow in-process.</summary>
public static class LocalPipelineRunner
{
    public static async Task<(PipelineResult Result, RunReport Report)> RunAsync(
        LocalRunOptions options, ILoggerFactory loggerFactory, Action<FlowStatus>? onStatus, CancellationToken cancellationToken)
    {
        var output = new LocalFolderStore(options.OutputDirectory);
        var mysql = options.MySqlConnectionString;
        using var fileCache = options.KeywordCacheOverride is null && mysql is null ? new JsonFileKeywordCache(options.KeywordCachePath) : null;
        IKeywordCache cache = options.KeywordCacheOverride ?? (mysql is null ? fileCache! : new MySqlKeywordCache(mysql));
        var identity = options.IdentityMapPath is null ? [] : IdentityMapCsv.Read(options.IdentityMapPath);
        if (mysql is not null && options.IdentityMapPath is not null)
        {
            await MySqlIdentityMap.ReplaceAsync(mysql, identity, cancellationToken).ConfigureAwait(false);
        }
        List<ITableSink> sinks = [new FileTableSink(output)];
        if (mysql is not null)
        {
            sinks.Add(new MySqlTableSink(mysql));
        }
        var classifier = options.ClassifierOverride ?? KeywordClassifierFactory.Create(
            options.Classifier, options.OpenAiEndpoint, options.OpenAiKey, new OpenAiClassifierSettings
            {
                Model = options.Model,
                Instructions = options.Instructions,
                RequestsPerMinute = options.RequestsPerMinute,
                TokensPerMinute = options.TokensPerMinute,
            });
        // The LLM classifier owns its rate-limit timers; one built here is disposed here.
        using var ownedClassifier = options.ClassifierOverride is null ? classifier as IDisposable : null;
        var (content, search, work) = Sources(options);
        var environment = new PipelineEnvironment
        {
            Content = content,
            Search = search,
            Classifier = classifier,
            KeywordCache = cache,
            RunLog = mysql is null ? null : new MySqlRunLog(mysql),
            IdentityMap = identity,
            Work = work,
            Output = output,
            Sinks = sinks,
            Options = new PipelineOptions { HighActivityDays = options.HighActivityDays, Categories = options.CategoryMap },
            ReclassifyStale = options.ReclassifyStale,
            LoggerFactory = loggerFactory,
        };
        var runId = "local-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        using var context = new InProcessFlowContext(runId, new ActivityCatalog(environment), options.Parallelism, loggerFactory, cancellationToken: cancellationToken);
        if (onStatus is not null)
        {
            context.StatusChanged += onStatus;
        }
        var request = new PipelineRequest(runId, options.Shards, options.Months, PipelineStreams.All, options.BatchSize, options.ClassifyParallelism);
        var result = await PipelineFlow.RunAsync(context, request).ConfigureAwait(false);

        // Shard results are per-run scratch: drop them once the tables are written (partials stay for reuse).
        await foreach (var scratch in work.ListAsync($"runs/{runId}/", cancellationToken).ConfigureAwait(false))
        {
            await work.DeleteAsync(scratch.Name, cancellationToken).ConfigureAwait(false);
        }

        var stream = await output.OpenReadAsync(result.ReportName, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var report = await JsonSerializer.DeserializeAsync<RunReport>(stream, FlowJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException("Empty run report.");
            return (result, report);
        }
    }

    /// <summary>Folders, or a blob container laid out as content/ and search/ (DESIGN §1) with partials under a prefix of its own.</summary>
    private static (SourceLocation? Content, SourceLocation? Search, IBlobStore Work) Sources(LocalRunOptions options)
    {
        if (options.StorageConnectionString is { } connection)
        {
            var container = new BlobContainerClient(connection, options.Container ?? throw new ArgumentException("--storage needs --container."));
            var store = new AzureBlobStore(container);
            IBlobStore blobWork = options.WorkDirectory is null ? new AzureBlobStore(container, LocalRunOptions.BlobWorkPrefix) : new LocalFolderStore(options.WorkDirectory);
            return (new SourceLocation(store, "content/"), new SourceLocation(store, "search/"), blobWork);
        }
        return (
            options.ContentDirectory is null ? null : new SourceLocation(new LocalFolderStore(options.ContentDirectory), ""),
            options.SearchDirectory is null ? null : new SourceLocation(new LocalFolderStore(options.SearchDirectory), ""),
            new LocalFolderStore(options.ResolvedWorkDirectory));
    }
}
