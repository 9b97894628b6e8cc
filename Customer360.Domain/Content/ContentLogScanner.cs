using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.Compression;
using System.Text;

namespace Customer360.Domain.Content;

/// <summary>
/// Streams one content log (plain or gzip) line by line in constant memory, parses every line and hands
/// valid records to <see cref="IContentRecordSink"/>. A read failure (corrupt gzip, truncated stream) stops
/// the file but keeps every complete line before it; the failure is reported in the stats.
/// </summary>
public sealed class ContentLogScanner(CategoryMap categories)
{
    /// <summary>Distinct unmapped AppNames kept per file; the rest are still counted under unmapped_app.</summary>
    public const int MaxUnmappedAppsPerFile = 100;

    private const int BufferSize = 1 << 20;

    public async Task<ContentFileStats> ScanAsync(Stream stream, bool gzip, IContentRecordSink sink, CancellationToken cancellationToken)
    {
        var parser = new ContentLineReader(categories);
        var counts = new long[RejectReasons.Count];
        var unmapped = new Dictionary<string, long>(StringComparer.Ordinal);
        long read = 0, accepted = 0;
        string? error = null;

        var compressed = gzip ? new TailRecordingStream(stream) : null;
        Stream input = compressed is null ? stream : new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        var crc = gzip ? new Crc32() : null;
        long decompressed = 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int filled = 0;
            while (true)
            {
                int n;
                try
                {
                    if (filled == buffer.Length)
                    {
                        // One line longer than the buffer: grow (rare; lines are ~150 bytes).
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    n = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException ex)
                {
                    // Complete lines before the corruption were already processed; the partial tail is dropped.
                    error = $"{ex.GetType().Name}: {ex.Message}";
                    break;
                }
                bool end = n == 0;
                if (crc is not null)
                {
                    crc.Append(buffer.AsSpan(filled, n));
                    decompressed += n;
                }
                filled += n;
                if (end && compressed is not null && !TrailerMatches(compressed.Tail, crc!.GetCurrentHashAsUInt32(), decompressed))
                {
                    error = "InvalidDataException: the gzip stream is truncated or corrupt (its CRC32/size trailer does not match the data).";
                    break;
                }
                int consumed = ProcessLines(buffer.AsSpan(0, filled), end, parser, sink, counts, unmapped, ref read, ref accepted);
                if (end)
                {
                    break;
                }
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (gzip)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }

        return new ContentFileStats
        {
            LinesRead = read,
            Accepted = accepted,
            Rejected = RejectReasons.InOrder.ToDictionary(RejectReasons.Name, r => counts[(int)r]),
            UnmappedApps = unmapped,
            Error = error,
        };
    }

    /// <summary>Processes every complete line in <paramref name="data"/> (and the final unterminated one at the end); returns bytes consumed.</summary>
    private static int ProcessLines(
        ReadOnlySpan<byte> data, bool atEnd, ContentLineReader parser, IContentRecordSink sink,
        long[] counts, Dictionary<string, long> unmapped, ref long read, ref long accepted)
    {
        int consumed = 0;
        while (consumed < data.Length)
        {
            var rest = data[consumed..];
            int newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && !atEnd)
            {
                break;
            }
            var line = newline < 0 ? rest : rest[..newline];
            consumed += newline < 0 ? rest.Length : newline + 1;

            if (IsBlank(line))
            {
                continue;
            }
            read++;
            var reason = parser.Parse(line, out var record);
            if (reason is null)
            {
                accepted++;
                sink.Add(record);
                continue;
            }
            counts[(int)reason.Value]++;
            if (reason == RejectReason.UnmappedApp)
            {
                CountUnmappedApp(line, unmapped);
            }
        }
        return consumed;
    }

    /// <summary>A gzip member ends with CRC32 and size mod 2^32 (little-endian). Single-member files only.</summary>
    private static bool TrailerMatches(ReadOnlySpan<byte> tail, uint crc, long size) =>
        tail.Length == 8
        && BinaryPrimitives.ReadUInt32LittleEndian(tail) == crc
        && BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) == unchecked((uint)size);

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r\f\v"u8) < 0;

    private static void CountUnmappedApp(ReadOnlySpan<byte> line, Dictionary<string, long> unmapped)
    {
        // Rare path: re-read the line with the DOM to name the AppName for the report.
        string name;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line.ToArray());
            var app = doc.RootElement.GetProperty("_source").GetProperty("AppName");
            name = app.ValueKind == System.Text.Json.JsonValueKind.String ? app.GetString()! : $"({app.ValueKind.ToString().ToLowerInvariant()})";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            name = "(unreadable)";
        }
        if (unmapped.TryGetValue(name, out var count) || unmapped.Count < MaxUnmappedAppsPerFile)
        {
            unmapped[name] = count + 1;
        }
    }
}

/// <summary>Receives the valid records of a scan.</summary>
public interface IContentRecordSink
{
    void Add(in ContentLineRecord record);
}
