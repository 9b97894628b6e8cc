using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using Customer360.Domain.WorkStore;
using Microsoft.Extensions.Logging;

namespace Customer360.Domain.Activities;

/// <summary>
/// Map: one daily content file → per-contract aggregates split into S shards, committed once
/// (<see cref="MapPartialStore"/>): a rerun reuses the partials of unchanged files.
/// </summary>
public sealed partial class MapContentFileActivity(PipelineEnvironment environment) : IActivity<MapContentFileInput, ContentMapResult>
{
    private readonly ILogger _logger = environment.LoggerFactory.CreateLogger<MapContentFileActivity>();

    public async Task<ContentMapResult> RunAsync(MapContentFileInput input, CancellationToken cancellationToken)
    {
        var source = environment.Content ?? throw new InvalidOperationException("No content source is configured.");
        var file = ContentLogFileName.TryParse(input.File.Name)
            ?? throw new ArgumentException($"'{input.File.Name}' is not a content log name.", nameof(input));
        var key = PartialKey.Content(file.Name, input.File.ETag, environment.Options.Fingerprint(), input.Shards);
        var result = await new MapPartialStore(environment.Work).WriteOnceAsync(key, input.Shards, source.Store, input.File,
            scan: async (stream, ct) =>
            {
                var aggregator = new ContentDayAggregator(file.Date, ContentDayAggregator.ExpectedContracts(input.File.Size));
                var stats = await new ContentLogScanner(environment.Options.Categories).ScanAsync(stream, file.IsGzip, aggregator, ct).ConfigureAwait(false);
                return (new ContentPartialShards(aggregator, file.Month), stats);
            },
            whenSourceChanged: ex =>
            {
                LogChanged(_logger, ex.Message);
                var stats = new ContentFileStats { Rejected = RejectReasons.InOrder.ToDictionary(RejectReasons.Name, _ => 0L), Error = ex.Message };
                return (new ContentPartialShards(new ContentDayAggregator(file.Date), file.Month), stats);
            },
            manifestOf: written => new ContentMapResult(input.File.Name, file.Month, key.Prefix, written.Keys, written.Stats, Reused: false, written.Seconds),
            asReused: stored => stored with { Reused = true, Seconds = 0 },
            cancellationToken).ConfigureAwait(false);
        if (result.Reused)
        {
            LogReused(_logger, file.Name, result.Contracts);
        }
        else
        {
            LogMapped(_logger, file.Name, result.Stats.LinesRead, result.Stats.Accepted, result.Contracts, result.Seconds);
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    private static partial void LogChanged(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reusing the partial of {File} ({Contracts} contracts)")]
    private static partial void LogReused(ILogger logger, string file, int contracts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mapped {File}: {Lines} lines, {Accepted} accepted, {Contracts} contracts in {Seconds:F2}s")]
    private static partial void LogMapped(ILogger logger, string file, long lines, long accepted, int contracts, double seconds);
}
