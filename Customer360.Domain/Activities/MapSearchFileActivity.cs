using Customer360.Domain.Flow;
using Customer360.Domain.Search;
using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>
/// Map: one search log → (user, normalised keyword) counts split into S shards by the trimmed user id,
/// committed once like the content map (<see cref="MapPartialStore"/>).
/// </summary>
public sealed class MapSearchFileActivity(PipelineEnvironment environment) : IActivity<MapSearchFileInput, SearchMapResult>
{
    public Task<SearchMapResult> RunAsync(MapSearchFileInput input, CancellationToken cancellationToken)
    {
        var source = environment.Search ?? throw new InvalidOperationException("No search source is configured.");
        var file = SearchLogFileName.TryParse(input.File.Name[source.Prefix.Length..])
            ?? throw new ArgumentException($"'{input.File.Name}' is not a search log name.", nameof(input));
        var key = PartialKey.Search(input.File.Name, file.RelativePath, input.File.ETag, input.Shards);
        return new MapPartialStore(environment.Work).WriteOnceAsync(key, input.Shards, source.Store, input.File,
            scan: async (stream, ct) =>
            {
                var aggregator = new SearchDayAggregator();
                var stats = await SearchLogReader.ReadAsync(stream, aggregator, ct).ConfigureAwait(false);
                return (new SearchPartialShards(aggregator, file.Month), stats);
            },
            whenSourceChanged: ex => (new SearchPartialShards(new SearchDayAggregator(), file.Month), new SearchFileStats(0, 0, 0, ex.Message)),
            manifestOf: written => new SearchMapResult(input.File.Name, file.Month, key.Prefix, written.Keys, written.Stats, Reused: false, written.Seconds),
            asReused: stored => stored with { Reused = true, Seconds = 0 },
            cancellationToken);
    }
}
