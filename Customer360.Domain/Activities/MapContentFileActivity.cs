using System.Diagnostics;
using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace Customer360.Domain.Activities;

/// <summary>
/// Map: one daily content file → per-contract aggregates split into S shards in the work store.
/// The partial is keyed by (file, ETag, pipeline version, options, S) and committed by a manifest
/// written last, so a rerun reuses the partials of unchanged files and a crash leaves nothing half-used.
/// </summary>
public sealed partial class MapContentFileActivity(PipelineEnvironment environment) : IActivity<MapContentFileInput, ContentMapResult>
{
    private const string ManifestName = "_manifest.json";
    private readonly ILogger _logger = environment.LoggerFactory.CreateLogger<MapContentFileActivity>();

    public static string ShardName(string partialPrefix, int shard) => $"{partialPrefix}shard-{shard:D5}.bin";

    public async Task<ContentMapResult> RunAsync(MapContentFileInput input, CancellationToken cancellationToken)
    {
        var source = environment.Content ?? throw new InvalidOperationException("No content source is configured.");
        var file = ContentLogFileName.TryParse(input.File.Name)
            ?? throw new ArgumentException($"'{input.File.Name}' is not a content log name.", nameof(input));
        var key = Hashing.ShortHex($"{input.File.ETag}|{environment.Options.Fingerprint()}|{input.Shards}");
        var prefix = $"partials/content/{PipelineEnvironment.PipelineVersion}/{file.Name}/{key}/";
        var manifestName = prefix + ManifestName;

        if (await environment.Work.ExistsAsync(manifestName, cancellationToken).ConfigureAwait(false))
        {
            var stored = await WorkStoreJson.ReadAsync<ContentMapResult>(environment.Work, manifestName, cancellationToken).ConfigureAwait(false);
            LogReused(_logger, file.Name, stored.Contracts);
            return stored with { Reused = true, Seconds = 0 };
        }

        var clock = Stopwatch.StartNew();
        var aggregator = new ContentDayAggregator(file.Date);
        ContentFileStats stats;
        bool changed = false;
        try
        {
            // The version the plan listed, or nothing: a partial never holds another version than its key says.
            var stream = await source.Store.OpenVersionAsync(input.File.Name, input.File.ETag, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                stats = await new ContentLogScanner(environment.Options.Categories).ScanAsync(stream, file.IsGzip, aggregator, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SourceChangedException ex)
        {
            // Reported, and its empty partial is left uncommitted (no manifest), so a rerun reads the file again.
            aggregator = new ContentDayAggregator(file.Date);
            stats = new ContentFileStats { Rejected = RejectReasons.InOrder.ToDictionary(RejectReasons.Name, _ => 0L), Error = ex.Message };
            changed = true;
            LogChanged(_logger, ex.Message);
        }

        var shards = aggregator.IdsByShard(input.Shards);
        for (int i = 0; i < shards.Length; i++)
        {
            var ids = shards[i];
            await environment.Work.WriteAsync(ShardName(prefix, i), (s, _) =>
            {
                aggregator.WritePartial(s, file.Month, ids);
                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
        }

        var result = new ContentMapResult(input.File.Name, file.Month, prefix, aggregator.Count, stats, Reused: false, clock.Elapsed.TotalSeconds);
        if (!changed)
        {
            await WorkStoreJson.WriteAsync(environment.Work, manifestName, result, cancellationToken).ConfigureAwait(false);
        }
        LogMapped(_logger, file.Name, stats.LinesRead, stats.Accepted, result.Contracts, result.Seconds);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    private static partial void LogChanged(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reusing the partial of {File} ({Contracts} contracts)")]
    private static partial void LogReused(ILogger logger, string file, int contracts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mapped {File}: {Lines} lines, {Accepted} accepted, {Contracts} contracts in {Seconds:F2}s")]
    private static partial void LogMapped(ILogger logger, string file, long lines, long accepted, int contracts, double seconds);
}
