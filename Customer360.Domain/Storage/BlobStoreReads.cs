namespace Customer360.Domain.Storage;

/// <summary>Reads several objects of one row format from a store into one list (e.g. every shard's result).</summary>
public static class BlobStoreReads
{
    public static async Task<List<T>> ReadAllAsync<T>(this IBlobStore store, IEnumerable<string> names, Action<Stream, List<T>> readInto, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        foreach (var name in names)
        {
            var stream = await store.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                readInto(stream, rows);
            }
        }
        return rows;
    }
}
