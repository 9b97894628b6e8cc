using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;

namespace Customer360.Domain.WorkStore;

/// <summary>Small JSON documents in the work store (manifests, keyword lists, classification batches and results).</summary>
internal static class WorkStoreJson
{
    public static Task WriteAsync<T>(IBlobStore store, string name, T value, CancellationToken cancellationToken) =>
        store.WriteAsync(name, (s, ct) => JsonSerializer.SerializeAsync(s, value, FlowJson.Options, ct), cancellationToken);

    public static async Task<T> ReadAsync<T>(IBlobStore store, string name, CancellationToken cancellationToken)
    {
        var stream = await store.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, FlowJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Empty JSON document {name}.");
        }
    }
}
