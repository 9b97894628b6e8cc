using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Customer360.Domain.Content;
using Customer360.Domain.ParquetPages;
using Parquet;
using Parquet.Schema;

namespace Customer360.Domain.Search;

/// <summary>
/// Reads a search log (Parquet) row group by row group, only the <c>user_id</c> and <c>keyword</c>
/// columns, and hands each accepted (trimmed user, normalised keyword) pair to the sink. A corrupt file
/// or a drifted schema (a missing column, a non-string column) is reported in the stats, not thrown.
/// </summary>
/// <remarks>
/// Parquet.Net reads the footer; the two column chunks are decoded here (<see cref="Utf8StringColumn"/>) into
/// UTF-8 slices of their pages, with no string or array per value: a user goes to the sink as its bytes, a keyword
/// as the sink's id of its normalised UTF-8 (<see cref="KeywordNormalizerCache"/>), looked up once per dictionary
/// entry (dictionary pages) or per row (plain pages). A chunk in a layout the decoder does not know (another
/// codec or encoding) is read through Parquet.Net instead, with the same result.
/// </remarks>
public static class SearchLogReader
{
    public const string UserIdColumn = "user_id";
    public const string KeywordColumn = "keyword";

    /// <summary>As <see cref="ReadAsync(Stream, ISearchRowSink, CancellationToken)"/>, each row's user made a string: for callers that keep rows as they are.</summary>
    public static Task<SearchFileStats> ReadAsync(Stream stream, Action<string, string> sink, CancellationToken cancellationToken) =>
        ReadAsync(stream, new DelegateSink(sink), cancellationToken);

    public static async Task<SearchFileStats> ReadAsync(Stream stream, ISearchRowSink sink, CancellationToken cancellationToken)
    {
        long read = 0, accepted = 0, skipped = 0;
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            var user = FindStringColumn(reader.Schema, UserIdColumn);
            var keyword = FindStringColumn(reader.Schema, KeywordColumn);
            sink.Expect(reader.Metadata?.NumRows ?? 0);
            using var normalizer = new KeywordNormalizerCache();
            var trimmed = new UserTrimmer();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int rows = checked((int)group.RowCount);
                using var users = await ReadColumnAsync(stream, group, user, rows, cancellationToken).ConfigureAwait(false);
                using var keywords = await ReadColumnAsync(stream, group, keyword, rows, cancellationToken).ConfigureAwait(false);
                // The sink's keyword id by dictionary entry (NoKeyword: normalises to nothing), filled on first use.
                var byEntry = new int[keywords.DictionarySize];
                byEntry.AsSpan().Fill(Unseen);
                for (int i = 0; i < rows; i++)
                {
                    read++;
                    var u = users.TryGet(i, out var rawUser, out _) ? trimmed.Trim(rawUser) : default;
                    int k = NoKeyword;
                    if (keywords.TryGet(i, out var rawKeyword, out int entry))
                    {
                        if (entry < 0)
                        {
                            k = KeywordId(sink, normalizer.Normalize(rawKeyword));
                        }
                        else
                        {
                            ref int known = ref byEntry[entry];
                            k = known != Unseen ? known : known = KeywordId(sink, normalizer.Normalize(rawKeyword));
                        }
                    }
                    if (u.IsEmpty || k == NoKeyword)
                    {
                        skipped++;
                        continue;
                    }
                    accepted++;
                    sink.Add(u, k);
                }
            }
            return new SearchFileStats(read, accepted, skipped, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException and not Storage.SourceChangedException)
        {
            // A corrupt footer, a bad page or a drifted schema: report it, keep the run going. (A file replaced
            // while being read is the map step's to report: its rows must not count at all.)
            // Rows of row groups read before the failure stay counted (the sink already has them).
            return new SearchFileStats(read, accepted, skipped, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private const int NoKeyword = -1;
    private const int Unseen = -2;

    private static int KeywordId(ISearchRowSink sink, ReadOnlySpan<byte> normalized) => normalized.IsEmpty ? NoKeyword : sink.KeywordId(normalized);

    /// <summary>A column chunk decoded from its stored bytes, or through Parquet.Net when its layout is not one <see cref="Utf8StringColumn.Decode"/> knows.</summary>
    private static async Task<Utf8StringColumn> ReadColumnAsync(Stream stream, ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
    {
        var meta = group.GetMetadata(field)?.MetaData ?? throw new InvalidDataException($"column '{field.Name}' has no metadata in a row group.");
        if (meta.Type == Parquet.Meta.Type.BYTE_ARRAY && field.MaxRepetitionLevel == 0)
        {
            long start = Utf8StringColumn.ChunkStart(meta);
            long length = meta.TotalCompressedSize;
            if (start < 0 || length < 0 || length > Array.MaxLength || start > stream.Length - length)
            {
                throw new InvalidDataException($"column '{field.Name}': its chunk ({start}, {length} bytes) lies outside the file.");
            }
            var chunk = TablePool.Rent<byte>((int)Math.Max(length, 1));
            try
            {
                stream.Position = start;
                await stream.ReadExactlyAsync(chunk.AsMemory(0, (int)length), cancellationToken).ConfigureAwait(false);
                return Utf8StringColumn.Decode(chunk.AsSpan(0, (int)length), meta.Codec, field.MaxDefinitionLevel, rows, meta.TotalUncompressedSize);
            }
            catch (NotSupportedException)
            {
                // Another codec or encoding: Parquet.Net below.
            }
            finally
            {
                TablePool.Return(chunk);
            }
        }
        return await ReadThroughParquetNetAsync(group, field, rows, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Utf8StringColumn> ReadThroughParquetNetAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
    {
        // The buffers must hold the chunk's value count (levels included), which a row count can understate only for repeated columns (refused earlier).
        int count = Math.Max(rows, checked((int)(group.GetMetadata(field)?.MetaData?.NumValues ?? rows)));
        var values = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(Math.Max(count, 1));
        int[]? levels = field.MaxDefinitionLevel > 0 ? ArrayPool<int>.Shared.Rent(Math.Max(count, 1)) : null;
        try
        {
            await group.ReadRawAsync<ReadOnlyMemory<char>>(field, values.AsMemory(0, count), levels?.AsMemory(0, count), null, cancellationToken).ConfigureAwait(false);
            return Utf8StringColumn.FromValues(values.AsSpan(0, count), levels, field.MaxDefinitionLevel, rows);
        }
        finally
        {
            // Cleared: the pooled array must not keep this file's strings alive.
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(values, clearArray: true);
            if (levels is not null)
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }
    }

    /// <summary>
    /// <c>user_id</c> trimmed as a string would be (<see cref="char.IsWhiteSpace"/>), as UTF-8. The usual id, valid
    /// UTF-8 that starts and ends with a visible ASCII character, is its own bytes; any other is decoded (invalid
    /// UTF-8 as U+FFFD, as Parquet readers decode text), trimmed and encoded again.
    /// </summary>
    private sealed class UserTrimmer
    {
        private byte[] _buffer = new byte[256];

        public ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> raw)
        {
            if (raw.IsEmpty || (raw[0] is > 0x20 and < 0x80 && raw[^1] is > 0x20 and < 0x80 && Utf8.IsValid(raw)))
            {
                return raw;
            }
            var text = Encoding.UTF8.GetString(raw).AsSpan().Trim();
            int max = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_buffer.Length < max)
            {
                _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
            }
            return _buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, _buffer));
        }
    }

    private sealed class DelegateSink(Action<string, string> sink) : ISearchRowSink
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _keywords = [];

        public int KeywordId(ReadOnlySpan<byte> keywordUtf8)
        {
            var keyword = Encoding.UTF8.GetString(keywordUtf8);
            if (!_ids.TryGetValue(keyword, out int id))
            {
                _ids.Add(keyword, id = _keywords.Count);
                _keywords.Add(keyword);
            }
            return id;
        }

        public void Add(ReadOnlySpan<byte> userUtf8, int keywordId) => sink(Encoding.UTF8.GetString(userUtf8), _keywords[keywordId]);
    }

    private static DataField FindStringColumn(ParquetSchema schema, string name)
    {
        var field = schema.Fields.OfType<DataField>().FirstOrDefault(f => f.Name == name)
            ?? throw new InvalidDataException($"schema drift: column '{name}' is missing.");
        // Parquet.Net 6 surfaces UTF-8 string columns as ReadOnlyMemory<char> unless asked otherwise; both are text.
        if ((field.ClrType != typeof(string) && field.ClrType != typeof(ReadOnlyMemory<char>)) || field.IsArray)
        {
            throw new InvalidDataException($"schema drift: column '{name}' is {field.ClrType.Name}{(field.IsArray ? "[]" : "")}, expected string.");
        }
        return field;
    }
}
