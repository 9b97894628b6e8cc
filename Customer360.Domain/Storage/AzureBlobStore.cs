using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Customer360.Domain.Storage;

/// <summary>
/// A blob container (or a prefix inside one) as a blob store. ETags come from the service, so a re-uploaded
/// file is a new version even with the same name. An upload replaces a blob atomically.
/// </summary>
public sealed class AzureBlobStore(BlobContainerClient container, string basePrefix = "") : IBlobStore
{
    public string Location => $"{container.Uri}/{basePrefix}";

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, basePrefix + prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredObject(item.Name[basePrefix.Length..], item.Properties.ContentLength ?? 0, item.Properties.ETag?.ToString() ?? "");
        }
    }

    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        // Seekable, lazily ranged reads (Parquet reads its footer first). allowModifications: false pins the ETag.
        return await container.GetBlobClient(basePrefix + name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stream> OpenVersionAsync(string name, string etag, CancellationToken cancellationToken)
    {
        // If-Match on the first range and (allowModifications: false) on every later one: a blob replaced
        // before or during the read fails with 412 instead of handing over a mix of two versions.
        var options = new BlobOpenReadOptions(allowModifications: false)
        {
            Conditions = new BlobRequestConditions { IfMatch = new ETag(etag) },
        };
        try
        {
            var stream = await container.GetBlobClient(basePrefix + name).OpenReadAsync(options, cancellationToken).ConfigureAwait(false);
            return new VersionPinnedBlobStream(stream, name, etag);
        }
        catch (RequestFailedException ex) when (VersionPinnedBlobStream.Translate(ex, name, etag) is { } changed)
        {
            throw changed;
        }
    }

    public async Task WriteAsync(string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        // Spool to a temp file, then one upload: readers see the old blob or the whole new one.
        var temp = Path.Combine(Path.GetTempPath(), "c360-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
            }
            await using var upload = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await container.GetBlobClient(basePrefix + name).UploadAsync(upload, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(basePrefix + name).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    public async Task<int> DeleteAllAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        // Listed first, then deleted: blob storage has no folders, so nothing is left once the blobs are gone.
        var names = new List<string>();
        await foreach (var item in ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            names.Add(item.Name);
        }
        foreach (var name in names)
        {
            await DeleteOneAsync(name, cancellationToken).ConfigureAwait(false);
        }
        return names.Count;
    }

    private async Task DeleteOneAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(basePrefix + name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }
}
