using System.Diagnostics;
using Customer360.Domain.Flow;
using Customer360.Domain.Search;
using Customer360.Domain.Sharding;
using Customer360.Domain.Storage;

namespace Customer360.Domain.Activities;

/// <summary>
/// Map: one search log → (user, normalised keyword) counts split into S shards by the trimmed user id.
/// Keyed and manifest-committed like the content map, so unchanged files are reused on rerun.
/// </summary>
public sealed class MapSearchFileActivity(PipelineEnvironment environment) : IActivity<MapSearchFileInput, SearchMapResult>
{
    private const string ManifestName = "_manifest.json";

    public static string ShardName(string partialPrefix, int shard) => $"{partialPrefix}shard-{shard:D5}.bin";

    public async Task<SearchMapResult> RunAsync(MapSearchFileInput input, CancellationToken cancellationToken)
    {
        var source = environment.Search ?? throw new InvalidOperationException("No search source is configured.");
        var file = SearchLogFileName.TryParse(input.File.Name[source.Prefix.Length..])
            ?? throw new ArgumentException($"'{input.File.Name}' is not a search log name.", nameof(input));
        var key = Hashing.ShortHex($"{input.File.Name}|{input.File.ETag}|{input.Shards}");
        var prefix = $"partials/search/{PipelineEnvironment.PipelineVersion}/{file.RelativePath.Replace('/', '_')}/{key}/";
        var manifestName = prefix + ManifestName;
        if (await environment.Work.ExistsAsync(manifestName, cancellationToken).ConfigureAwait(false))
        {
            var stored = await WorkStoreJson.ReadAsync<SearchMapResult>(environment.Work, manifestName, cancellationToken).ConfigureAwait(false);
            return stored with { Reused = true, Seconds = 0 };
        }

        var clock = Stopwatch.StartNew();
        var aggregator = new SearchDayAggregator();
        SearchFileStats stats;
        bool changed = false;
        try
        {
            // The version the plan listed, or nothing: a partial never holds another version than its key says.
            var stream = await source.Store.OpenVersionAsync(input.File.Name, input.File.ETag, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                stats = await SearchLogReader.ReadAsync(stream, aggregator.Add, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SourceChangedException ex)
        {
            // Reported, and its empty partial is left uncommitted (no manifest), so a rerun reads the file again.
            aggregator = new SearchDayAggregator();
            stats = new SearchFileStats(0, 0, 0, ex.Message);
            changed = true;
        }

        var shards = new List<KeyValuePair<string, Dictionary<string, long>>>[input.Shards];
        for (int i = 0; i < shards.Length; i++)
        {
            shards[i] = [];
        }
        foreach (var entry in aggregator.Users)
        {
            shards[ShardHash.ShardOf(entry.Key, input.Shards)].Add(entry);
        }
        for (int i = 0; i < shards.Length; i++)
        {
            var entries = shards[i];
            await environment.Work.WriteAsync(ShardName(prefix, i), (s, _) =>
            {
                SearchPartialFormat.Write(s, file.Month, entries);
                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
        }
        var result = new SearchMapResult(input.File.Name, file.Month, prefix, aggregator.Users.Count, stats, Reused: false, clock.Elapsed.TotalSeconds);
        if (!changed)
        {
            await WorkStoreJson.WriteAsync(environment.Work, manifestName, result, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }
}
