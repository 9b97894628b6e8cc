using System.Buffers;
using System.Runtime.InteropServices;
using Parquet;
using Parquet.Schema;

namespace Customer360.Domain.Search;

/// <summary>
/// Reads a search log (Parquet) row group by row group, only the <c>user_id</c> and <c>keyword</c>
/// columns, and hands each accepted (trimmed user, normalised keyword) pair to the sink. A corrupt file
/// or a drifted schema (a missing column, a non-string column) is reported in the stats, not thrown.
/// </summary>
/// <remarks>
/// The columns are read raw (<see cref="ParquetRowGroupReader.ReadRawAsync{T}"/> as <see cref="ReadOnlyMemory{T}"/> of
/// chars), not as a string per value. Parquet.Net does not expose dictionary indices, but it decodes each
/// dictionary entry once into its own char array and hands every row of that entry the same array: so a
/// keyword is normalised once per dictionary entry, found again by that array's identity, without hashing its
/// text. Plain or delta-encoded pages give each value its own array; those are looked up by their text
/// (<see cref="KeywordNormalizerCache"/>). A user is handed over as its trimmed span: the sink decides whether it needs a string.
/// </remarks>
public static class SearchLogReader
{
    public const string UserIdColumn = "user_id";
    public const string KeywordColumn = "keyword";

    /// <summary>Past this many dictionary entries per row group, entries are no longer remembered by identity (bounds memory on odd files).</summary>
    private const int MaxEntriesByIdentity = 1 << 17;

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
            var normalizer = new KeywordNormalizerCache();
            // Normalised keyword (null when empty) by the identity of the dictionary entry's char array.
            var entries = new Dictionary<char[], string?>(ReferenceEqualityComparer.Instance);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int rows = checked((int)group.RowCount);
                using var userColumn = await RawColumn.ReadAsync(group, user, rows, cancellationToken).ConfigureAwait(false);
                using var keywordColumn = await RawColumn.ReadAsync(group, keyword, rows, cancellationToken).ConfigureAwait(false);
                entries.Clear();
                bool dictionary = HasDictionary(group, keyword);
                for (int i = 0; i < rows; i++)
                {
                    read++;
                    ReadOnlySpan<char> u = default;
                    string? k = null;
                    if (userColumn.TryGet(i, out var rawUser))
                    {
                        u = rawUser.Span.Trim();
                    }
                    if (keywordColumn.TryGet(i, out var rawKeyword))
                    {
                        k = dictionary ? NormalizeEntry(rawKeyword, normalizer, entries) : Empty(normalizer.Normalize(rawKeyword.Span));
                    }
                    if (u.IsEmpty || string.IsNullOrEmpty(k))
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

    private sealed class DelegateSink(Action<string, string> sink) : ISearchRowSink
    {
        public void Add(ReadOnlySpan<char> user, string keyword) => sink(new string(user), keyword);
    }

    /// <summary>Whether the column chunk has a dictionary page (else every value has its own array and identity finds nothing).</summary>
    private static bool HasDictionary(ParquetRowGroupReader group, DataField field) =>
        group.GetMetadata(field)?.MetaData is { } meta
        && (meta.DictionaryPageOffset is not null
            || meta.Encodings.Any(e => e is Parquet.Meta.Encoding.PLAIN_DICTIONARY or Parquet.Meta.Encoding.RLE_DICTIONARY));

    private static string? NormalizeEntry(ReadOnlyMemory<char> raw, KeywordNormalizerCache normalizer, Dictionary<char[], string?> entries)
    {
        // Only a value that is its whole array can stand for a dictionary entry by that array's identity.
        if (MemoryMarshal.TryGetArray(raw, out var segment) && segment.Array is { Length: > 0 } array && segment.Offset == 0 && segment.Count == array.Length)
        {
            if (entries.TryGetValue(array, out var known))
            {
                return known;
            }
            var normalized = Empty(normalizer.Normalize(raw.Span));
            if (entries.Count < MaxEntriesByIdentity)
            {
                entries.Add(array, normalized);
            }
            return normalized;
        }
        return Empty(normalizer.Normalize(raw.Span));
    }

    private static string? Empty(string normalized) => normalized.Length == 0 ? null : normalized;

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

    /// <summary>One row group's string column as read: the defined values packed, and each row's definition level when the column is optional.</summary>
    private readonly struct RawColumn : IDisposable
    {
        private readonly ReadOnlyMemory<char>[] _values;
        private readonly int[]? _levels;
        private readonly int[]? _valueOfRow;

        private RawColumn(ReadOnlyMemory<char>[] values, int[]? levels, int[]? valueOfRow)
        {
            _values = values;
            _levels = levels;
            _valueOfRow = valueOfRow;
        }

        public static async Task<RawColumn> ReadAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        {
            // The buffers must hold the chunk's value count (levels included), which a row count can understate only for repeated columns (refused above).
            int count = Math.Max(rows, checked((int)(group.GetMetadata(field)?.MetaData?.NumValues ?? rows)));
            var values = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(Math.Max(count, 1));
            int[]? levels = field.MaxDefinitionLevel > 0 ? ArrayPool<int>.Shared.Rent(Math.Max(count, 1)) : null;
            int[]? valueOfRow = null;
            try
            {
                await group.ReadRawAsync<ReadOnlyMemory<char>>(field, values.AsMemory(0, count), levels?.AsMemory(0, count), null, cancellationToken).ConfigureAwait(false);
                if (levels is not null)
                {
                    // Row → index of its value among the defined ones, or -1 for a null.
                    valueOfRow = ArrayPool<int>.Shared.Rent(Math.Max(rows, 1));
                    int next = 0;
                    for (int i = 0; i < rows; i++)
                    {
                        valueOfRow[i] = levels[i] == field.MaxDefinitionLevel ? next++ : -1;
                    }
                }
                return new RawColumn(values, levels, valueOfRow);
            }
            catch
            {
                ArrayPool<ReadOnlyMemory<char>>.Shared.Return(values, clearArray: true);
                if (levels is not null)
                {
                    ArrayPool<int>.Shared.Return(levels);
                }
                if (valueOfRow is not null)
                {
                    ArrayPool<int>.Shared.Return(valueOfRow);
                }
                throw;
            }
        }

        public bool TryGet(int row, out ReadOnlyMemory<char> value)
        {
            int index = _valueOfRow is null ? row : _valueOfRow[row];
            if (index < 0)
            {
                value = default;
                return false;
            }
            value = _values[index];
            return true;
        }

        public void Dispose()
        {
            // Cleared: the pooled array must not keep this file's strings alive.
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(_values, clearArray: true);
            if (_levels is not null)
            {
                ArrayPool<int>.Shared.Return(_levels);
            }
            if (_valueOfRow is not null)
            {
                ArrayPool<int>.Shared.Return(_valueOfRow);
            }
        }
    }
}
