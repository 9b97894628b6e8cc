using System.Globalization;
using System.Text.Json;
using Customer360.Domain.Activities;
using Customer360.Domain.Classification;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Microsoft.Extensions.Logging;

namespace Customer360.Cli;

/// <summary>The local host: builds the environment from options and runs the shared flow in-process.</summary>
public static class LocalPipelineRunner
{
    public static async Task<(PipelineResult Result, RunReport Report)> RunAsync(
        LocalRunOptions options, ILoggerFactory loggerFactory, Action<FlowStatus>? onStatus, CancellationToken cancellationToken)
    {
        var output = new LocalFolderStore(options.OutputDirectory);
        using var fileCache = options.KeywordCacheOverride is null ? new JsonFileKeywordCache(options.KeywordCachePath) : null;
        var classifier = options.ClassifierOverride ?? KeywordClassifierFactory.Create(
            options.Classifier, options.OpenAiEndpoint, options.OpenAiKey, new OpenAiClassifierSettings { Model = options.Model });
        var environment = new PipelineEnvironment
        {
            Content = options.ContentDirectory is null ? null : new SourceLocation(new LocalFolderStore(options.ContentDirectory), ""),
            Search = options.SearchDirectory is null ? null : new SourceLocation(new LocalFolderStore(options.SearchDirectory), ""),
            Classifier = classifier,
            KeywordCache = options.KeywordCacheOverride ?? fileCache!,
            Work = new LocalFolderStore(options.ResolvedWorkDirectory),
            Output = output,
            Sinks = [new FileTableSink(output)],
            Options = new PipelineOptions { HighActivityDays = options.HighActivityDays },
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
        var scratch = Path.Combine(options.ResolvedWorkDirectory, "runs", runId);
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        await using var stream = await output.OpenReadAsync(result.ReportName, cancellationToken).ConfigureAwait(false);
        var report = await JsonSerializer.DeserializeAsync<RunReport>(stream, FlowJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("Empty run report.");
        return (result, report);
    }
}
