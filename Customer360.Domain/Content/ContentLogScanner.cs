using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Customer360.Domain.Content;

/// <summary>
/// Streams one content log (plain or gzip) line by line in constant memory, parses every line and hands
/// valid records to <see cref="IContentRecordSink"/>. Gzip files may have several members (concatenated by
/// log shippers); each is verified. A read failure (corrupt gzip, truncated stream, a file whose bytes are
/// not what its name says) stops the file but keeps every complete line before it; the failure is
/// reported in the stats. A zero-byte file, plain or .gz, has no lines and no error.
/// </summary>
public sealed class ContentLogScanner(CategoryMap categories)
{
    /// <summary>Distinct unmapped AppNames kept per file; the rest are still counted under unmapped_app.</summary>
    public const int MaxUnmappedAppsPerFile = 100;

    /// <summary>
    /// The longest line read (4 MiB; real lines are ~150 bytes). A longer line is counted as
    /// <c>line_too_long</c> and skipped to its newline without being held, so one huge or endless line
    /// (binary garbage with no newline) costs at most this much memory and never stops the file.
    /// </summary>
    public const int MaxLineBytes = 4 << 20;

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
        var gzipEnd = gzip ? new GzipEndCheck() : null;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        bool skippingLongLine = false, checkMagic = true;
        try
        {
            int filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // One line fills the whole buffer.
                    if (buffer.Length >= MaxLineBytes)
                    {
                        read++;
                        counts[(int)RejectReason.LineTooLong]++;
                        skippingLongLine = true;
                        filled = 0;
                    }
                    else
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                }
                int n;
                try
                {
                    n = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException ex)
                {
                    // Complete lines before the corruption were already processed; the partial tail is dropped.
                    error = compressed is not null && compressed.BytesRead >= 2 && !compressed.Head.SequenceEqual(GzipMagic)
                        ? "InvalidDataException: the file is named .gz but is not gzip-compressed (it does not start with the gzip magic bytes 1f 8b); a plain NDJSON file should be named .json."
                        : $"InvalidDataException: the gzip stream is corrupt ({ex.Message})";
                    break;
                }
                bool end = n == 0;
                gzipEnd?.Append(buffer.AsSpan(filled, n));
                if (checkMagic && !gzip && filled + n >= 2)
                {
                    checkMagic = false;
                    if (buffer.AsSpan(0, 2).SequenceEqual(GzipMagic))
                    {
                        // Not one line of it would parse: say what the file is instead of counting garbage.
                        error = "InvalidDataException: the file is named .json but is gzip-compressed (it starts with the gzip magic bytes 1f 8b); rename it to .json.gz.";
                        break;
                    }
                }
                if (skippingLongLine && !end)
                {
                    int newline = buffer.AsSpan(filled, n).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        continue; // still inside the long line: drop what was read (filled stays 0)
                    }
                    skippingLongLine = false;
                    buffer.AsSpan(filled + newline + 1, n - newline - 1).CopyTo(buffer);
                    n -= newline + 1;
                }
                filled += n;
                if (end && compressed is not null && compressed.BytesRead > 0 && !gzipEnd!.EndsWithCompleteMember(compressed.Tail))
                {
                    error = "InvalidDataException: the gzip stream is truncated or corrupt (it does not end with a complete member: the last CRC32/size trailer does not match its data).";
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

    private static ReadOnlySpan<byte> GzipMagic => [0x1f, 0x8b];

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
