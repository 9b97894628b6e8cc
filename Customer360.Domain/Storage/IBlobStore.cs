namespace Customer360.Domain.Storage;

/// <summary>
/// A flat namespace of named byte objects: a local folder or a blob container. Names use '/' separators.
/// Used for the log sources, the intermediate store (partials, shard results) and file outputs.
/// </summary>
public interface IBlobStore
{
    /// <summary>A human-readable location, for logs and reports.</summary>
    string Location { get; }

    /// <summary>Objects whose name starts with <paramref name="prefix"/>, with size and ETag.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the version of <paramref name="name"/> that was listed with <paramref name="etag"/>. Throws
    /// <see cref="SourceChangedException"/> when the object is gone or is another version, at open or
    /// (where the store can tell) while it is being read.
    /// </summary>
    Task<Stream> OpenVersionAsync(string name, string etag, CancellationToken cancellationToken);

    /// <summary>Writes an object atomically: readers see the old object or the whole new one, never a part.</summary>
    Task WriteAsync(string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Deletes every object whose name starts with <paramref name="prefix"/> (e.g. a run's scratch folder); returns how many. Idempotent.</summary>
    Task<int> DeleteAllAsync(string prefix, CancellationToken cancellationToken);
}
