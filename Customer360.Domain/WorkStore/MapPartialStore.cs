using System.Diagnostics;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;

namespace Customer360.Domain.WorkStore;

/// <summary>
/// The map partials and their commit protocol, the same for both streams: a daily file's shards are written
/// first, then its manifest (the map's result). A manifest means every shard is there and the partial may be
/// reused by any later run with the same <see cref="PartialKey"/>; a crash before it leaves nothing a run
/// would use. A file that changed under the map (<see cref="SourceChangedException"/>) gets empty shards, so
/// the run's reduce steps still find one per shard, and no manifest, so the next run reads it again.
/// </summary>
public sealed class MapPartialStore(IBlobStore work)
{
    /// <summary>The stored manifest of a committed partial, or null when there is none.</summary>
    public async Task<TManifest?> ReadCommittedAsync<TManifest>(PartialKey key, CancellationToken cancellationToken)
        where TManifest : class =>
        await work.ExistsAsync(key.Manifest, cancellationToken).ConfigureAwait(false)
            ? await WorkStoreJson.ReadAsync<TManifest>(work, key.Manifest, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>
    /// Reuses the committed partial of <paramref name="key"/>, or maps the file's listed version and commits it.
    /// </summary>
    /// <param name="scan">Reads the opened source into a fresh aggregate.</param>
    /// <param name="whenSourceChanged">An empty aggregate and the statistics that report the change.</param>
    /// <param name="manifestOf">The map's result, stored as the manifest.</param>
    /// <param name="asReused">The stored manifest as this run reports it.</param>
    public async Task<TManifest> WriteOnceAsync<TStats, TManifest>(
        PartialKey key,
        int shards,
        IBlobStore source,
        SourceFile file,
        Func<Stream, CancellationToken, Task<(IShardedPartial Partial, TStats Stats)>> scan,
        Func<SourceChangedException, (IShardedPartial Partial, TStats Stats)> whenSourceChanged,
        Func<WrittenPartial<TStats>, TManifest> manifestOf,
        Func<TManifest, TManifest> asReused,
        CancellationToken cancellationToken)
        where TManifest : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        if (await ReadCommittedAsync<TManifest>(key, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return asReused(stored);
        }

        var clock = Stopwatch.StartNew();
        IShardedPartial partial;
        TStats stats;
        bool changed = false;
        try
        {
            // The version the plan listed, or nothing: a partial never holds another version than its key says.
            var stream = await source.OpenVersionAsync(file.Name, file.ETag, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                (partial, stats) = await scan(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SourceChangedException ex)
        {
            (partial, stats) = whenSourceChanged(ex);
            changed = true;
        }

        TManifest manifest;
        using (partial)
        {
            var writers = partial.Split(shards);
            for (int i = 0; i < writers.Count; i++)
            {
                var write = writers[i];
                await work.WriteAsync(key.Shard(i), (s, _) =>
                {
                    write(s);
                    return Task.CompletedTask;
                }, cancellationToken).ConfigureAwait(false);
            }
            manifest = manifestOf(new WrittenPartial<TStats>(partial.Keys, stats, !changed, clock.Elapsed.TotalSeconds));
        }
        if (!changed)
        {
            // Last: only now is the partial whole.
            await WorkStoreJson.WriteAsync(work, key.Manifest, manifest, cancellationToken).ConfigureAwait(false);
        }
        return manifest;
    }

    /// <summary>Shard <paramref name="shard"/> of every given partial, in order, each read by <paramref name="readInto"/> (the reduce's input).</summary>
    public async Task ReadShardAsync(IEnumerable<string> partialPrefixes, int shard, Action<Stream> readInto, CancellationToken cancellationToken)
    {
        foreach (var prefix in partialPrefixes)
        {
            var stream = await work.OpenReadAsync(WorkNames.PartialShard(prefix, shard), cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                readInto(stream);
            }
        }
    }
}
