using Azure;

namespace Customer360.Domain.Storage;

/// <summary>
/// Wraps a blob read stream opened for one ETag: a 412 (the blob was replaced) or 404 (deleted) from a
/// later range read becomes a <see cref="SourceChangedException"/>, so callers need not know Azure.
/// Seekable like the inner stream (Parquet reads its footer first).
/// </summary>
internal sealed class VersionPinnedBlobStream(Stream inner, string name, string etag) : Stream
{
    public static SourceChangedException? Translate(RequestFailedException ex, string name, string etag) => ex.Status switch
    {
        404 => SourceChangedException.Disappeared(name, ex),
        412 => SourceChangedException.Replaced(name, etag, ex),
        _ => null,
    };

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (RequestFailedException ex) when (Translate(ex, name, etag) is { } changed)
        {
            throw changed;
        }
    }

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (RequestFailedException ex) when (Translate(ex, name, etag) is { } changed)
        {
            throw changed;
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (Translate(ex, name, etag) is { } changed)
        {
            throw changed;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
