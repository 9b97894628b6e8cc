using System.Collections.Concurrent;
using Customer360.Domain.Storage;

namespace Customer360.Tests.WorkStore;

/// <summary>A store that records the names it wrote, in order, and can fail reads of a source version (to act a file replaced mid-run).</summary>
public sealed class RecordingStore(IBlobStore inner) : IBlobStore
{
    public ConcurrentQueue<string> Writes { get; } = new();

    /// <summary>When set, opening this name's version throws as a replaced file would.</summary>
    public string? ChangedName { get; set; }

    public string Location => inner.Location;

    public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken) => inner.OpenReadAsync(name, cancellationToken);

    public Task<Stream> OpenVersionAsync(string name, string etag, CancellationToken cancellationToken) =>
        name == ChangedName ? throw SourceChangedException.Replaced(name, etag) : inner.OpenVersionAsync(name, etag, cancellationToken);

    public async Task WriteAsync(string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(name, write, cancellationToken);
        Writes.Enqueue(name);
    }

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) => inner.ExistsAsync(name, cancellationToken);

    public Task<int> DeleteAllAsync(string prefix, CancellationToken cancellationToken) => inner.DeleteAllAsync(prefix, cancellationToken);
}
