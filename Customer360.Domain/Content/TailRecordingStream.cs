namespace Customer360.Domain.Content;

/// <summary>
/// A read-only pass-through stream that remembers the first 2 and the last 8 bytes read through it: the
/// gzip magic, and the trailer (CRC32 and size) of the last member once the inner stream is exhausted.
/// .NET's GZipStream ends quietly on a truncated file, so the scanner checks the trailer itself
/// (<see cref="GzipEndCheck"/>) rather than lose the tail of a day silently.
/// </summary>
internal sealed class TailRecordingStream(Stream inner) : Stream
{
    private readonly byte[] _tail = new byte[8];
    private readonly byte[] _head = new byte[2];
    private int _tailLength;
    private long _bytesRead;

    /// <summary>The last up-to-8 bytes read.</summary>
    public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, _tailLength);

    /// <summary>The first up-to-2 bytes read (1f 8b for gzip).</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, (int)Math.Min(_bytesRead, _head.Length));

    public long BytesRead => _bytesRead;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        Remember(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Remember(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Remember(ReadOnlySpan<byte> read)
    {
        if (_bytesRead < _head.Length)
        {
            var head = read[..(int)Math.Min(read.Length, _head.Length - _bytesRead)];
            head.CopyTo(_head.AsSpan((int)_bytesRead));
        }
        _bytesRead += read.Length;
        if (read.Length >= _tail.Length)
        {
            read[^_tail.Length..].CopyTo(_tail);
            _tailLength = _tail.Length;
            return;
        }
        int keep = Math.Min(_tailLength, _tail.Length - read.Length);
        _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
        read.CopyTo(_tail.AsSpan(keep));
        _tailLength = keep + read.Length;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
