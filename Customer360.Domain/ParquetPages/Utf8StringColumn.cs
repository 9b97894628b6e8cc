using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Customer360.Domain.Content;
using Parquet.Meta;
using Encoding = Parquet.Meta.Encoding;

namespace Customer360.Domain.ParquetPages;

/// <summary>
/// One row group's string column (BYTE_ARRAY) as UTF-8 slices of its decoded pages, without a string or an
/// array per value: per row, where its bytes lie (or that it is null) and, for a dictionary-encoded value, its
/// index in the chunk's dictionary, so a caller can work once per dictionary entry.
/// </summary>
/// <remarks>
/// <see cref="Decode"/> reads the column chunk's pages itself: data pages v1 and v2, PLAIN and dictionary
/// (PLAIN_DICTIONARY / RLE_DICTIONARY) values, RLE definition levels, and the codecs real exports use
/// (uncompressed, Snappy, gzip, zstd). Anything else is a <see cref="NotSupportedException"/>, on which the
/// caller reads the chunk through Parquet.Net instead (<see cref="FromValues"/>). Parquet.Net decodes every value
/// into an array of its own, which was most of the search map's read time.
/// </remarks>
internal sealed class Utf8StringColumn : IDisposable
{
    private byte[] _bytes;
    private int _byteCount;
    private int[] _starts;
    private int[] _lengths;
    private int[] _entries;

    private Utf8StringColumn(int rows, int expectedBytes)
    {
        Rows = rows;
        // The map step's per-file buffers (MBs at full scale) come from the tables' pool, which a load step empties.
        _bytes = TablePool.Rent<byte>(Math.Max(expectedBytes, 256));
        _starts = TablePool.Rent<int>(Math.Max(rows, 1));
        _lengths = TablePool.Rent<int>(Math.Max(rows, 1));
        _entries = TablePool.Rent<int>(Math.Max(rows, 1));
    }

    public int Rows { get; }

    /// <summary>Entries in the chunk's dictionary (0 without one): <see cref="TryGet"/>'s entry is below this.</summary>
    public int DictionarySize { get; private set; }

    /// <summary>Row <paramref name="row"/>'s value; false for a null. <paramref name="entry"/> is its dictionary index, or -1 for a value stored as it is.</summary>
    public bool TryGet(int row, out ReadOnlySpan<byte> value, out int entry)
    {
        int start = _starts[row];
        entry = _entries[row];
        if (start < 0)
        {
            value = default;
            return false;
        }
        value = _bytes.AsSpan(start, _lengths[row]);
        return true;
    }

    /// <summary>
    /// Decodes a column chunk from its stored bytes (<paramref name="chunk"/>: from its first page to its end).
    /// Throws <see cref="NotSupportedException"/> for a layout it does not decode and
    /// <see cref="InvalidDataException"/> for a corrupt one.
    /// </summary>
    public static Utf8StringColumn Decode(ReadOnlySpan<byte> chunk, CompressionCodec codec, int maxDefinitionLevel, int rows, long uncompressedBytes)
    {
        if (codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY or CompressionCodec.GZIP or CompressionCodec.ZSTD))
        {
            throw new NotSupportedException($"codec {codec}");
        }
        var column = new Utf8StringColumn(rows, checked((int)Math.Min(uncompressedBytes + 64, Array.MaxLength)));
        try
        {
            column.DecodePages(chunk, codec, maxDefinitionLevel);
            return column;
        }
        catch
        {
            column.Dispose();
            throw;
        }
    }

    /// <summary>Where a column chunk's stored bytes start: its dictionary page when it has one (some writers put 0 there when it has none), else its first data page.</summary>
    public static long ChunkStart(ColumnMetaData meta) =>
        meta.DictionaryPageOffset is > 0 and var dictionary && dictionary < meta.DataPageOffset ? dictionary : meta.DataPageOffset;

    /// <summary>The column as Parquet.Net read it (<paramref name="values"/>: the defined values in order; <paramref name="definitionLevels"/> per row, or null for a required column).</summary>
    public static Utf8StringColumn FromValues(ReadOnlySpan<ReadOnlyMemory<char>> values, ReadOnlySpan<int> definitionLevels, int maxDefinitionLevel, int rows)
    {
        long bytes = 0;
        foreach (var value in values)
        {
            bytes += System.Text.Encoding.UTF8.GetByteCount(value.Span);
        }
        var column = new Utf8StringColumn(rows, checked((int)bytes));
        int next = 0;
        for (int row = 0; row < rows; row++)
        {
            column._entries[row] = -1;
            if (maxDefinitionLevel > 0 && definitionLevels[row] != maxDefinitionLevel)
            {
                column._starts[row] = -1;
                continue;
            }
            // Parquet.Net decoded the UTF-8 with replacement characters; encoding them again gives what Decode would have handed over.
            int written = System.Text.Encoding.UTF8.GetBytes(values[next++].Span, column._bytes.AsSpan(column._byteCount));
            column._starts[row] = column._byteCount;
            column._lengths[row] = written;
            column._byteCount += written;
        }
        return column;
    }

    private void DecodePages(ReadOnlySpan<byte> chunk, CompressionCodec codec, int maxDefinitionLevel)
    {
        int position = 0, row = 0;
        int[]? levels = null, indices = null, dictionaryStarts = null, dictionaryLengths = null;
        using var zstd = codec == CompressionCodec.ZSTD ? new ZstdSharp.Decompressor() : null;
        try
        {
            while (row < Rows)
            {
                if (position >= chunk.Length)
                {
                    throw new InvalidDataException($"The column chunk ends after {row} of {Rows} rows.");
                }
                var header = PageHeader.Read(chunk[position..], out int headerLength);
                position += headerLength;
                if (header.CompressedSize > chunk.Length - position)
                {
                    throw new InvalidDataException("A page runs past the end of its column chunk.");
                }
                var stored = chunk.Slice(position, header.CompressedSize);
                position += header.CompressedSize;
                switch (header.Type)
                {
                    case PageType.DICTIONARY_PAGE:
                    {
                        if (header.Encoding is not (Encoding.PLAIN or Encoding.PLAIN_DICTIONARY) || header.ValueCount < 0)
                        {
                            throw new NotSupportedException($"dictionary page encoding {header.Encoding}");
                        }
                        int start = Decompress(stored, header.UncompressedSize, codec, zstd);
                        dictionaryStarts = Rent(dictionaryStarts, header.ValueCount);
                        dictionaryLengths = Rent(dictionaryLengths, header.ValueCount);
                        ReadPlain(start, header.UncompressedSize, dictionaryStarts.AsSpan(0, header.ValueCount), dictionaryLengths);
                        DictionarySize = header.ValueCount;
                        break;
                    }
                    case PageType.DATA_PAGE or PageType.DATA_PAGE_V2:
                    {
                        int count = header.ValueCount;
                        if (count < 0 || count > Rows - row)
                        {
                            throw new InvalidDataException($"A data page of {count} values where {Rows - row} rows are left.");
                        }
                        // Definition levels: inside the compressed page behind a length (v1), or before it, uncompressed (v2).
                        int valuesStart, valuesLength;
                        ReadOnlySpan<byte> levelBytes;
                        if (header.Type == PageType.DATA_PAGE)
                        {
                            valuesStart = Decompress(stored, header.UncompressedSize, codec, zstd);
                            valuesLength = header.UncompressedSize;
                            levelBytes = default;
                            if (maxDefinitionLevel > 0)
                            {
                                if (header.DefinitionLevelEncoding != Encoding.RLE)
                                {
                                    throw new NotSupportedException($"definition level encoding {header.DefinitionLevelEncoding}");
                                }
                                int length = ReadInt32(_bytes.AsSpan(valuesStart, valuesLength), 0);
                                if (length < 0 || length > valuesLength - 4)
                                {
                                    throw new InvalidDataException("Definition levels run past their page.");
                                }
                                levelBytes = _bytes.AsSpan(valuesStart + 4, length);
                                valuesStart += 4 + length;
                                valuesLength -= 4 + length;
                            }
                        }
                        else
                        {
                            int levelsLength = header.RepetitionLevelsBytes + header.DefinitionLevelsBytes;
                            if (header.RepetitionLevelsBytes != 0 || header.DefinitionLevelsBytes < 0 || levelsLength > stored.Length || levelsLength > header.UncompressedSize)
                            {
                                throw new InvalidDataException("A v2 page's level lengths do not fit the page.");
                            }
                            levelBytes = stored[..header.DefinitionLevelsBytes];
                            var storedValues = stored[levelsLength..];
                            valuesLength = header.UncompressedSize - levelsLength;
                            valuesStart = Decompress(storedValues, valuesLength, header.IsCompressed ? codec : CompressionCodec.UNCOMPRESSED, zstd);
                        }
                        levels = Rent(levels, count);
                        var pageLevels = levels.AsSpan(0, count);
                        if (maxDefinitionLevel > 0)
                        {
                            RleBitPackedHybrid.Decode(levelBytes, 32 - int.LeadingZeroCount(maxDefinitionLevel), pageLevels);
                        }
                        else
                        {
                            pageLevels.Clear();
                        }
                        int defined = 0;
                        foreach (int level in pageLevels)
                        {
                            if (level == maxDefinitionLevel)
                            {
                                defined++;
                            }
                        }
                        var starts = _starts.AsSpan(row, count);
                        var lengths = _lengths.AsSpan(row, count);
                        var entries = _entries.AsSpan(row, count);
                        if (header.Encoding == Encoding.PLAIN)
                        {
                            // The defined values first, packed; then spread over the rows, nulls in between.
                            ReadPlain(valuesStart, valuesLength, starts[..defined], lengths);
                            entries.Fill(-1);
                        }
                        else if (header.Encoding is Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY)
                        {
                            if (dictionaryStarts is null || valuesLength < 1)
                            {
                                throw new InvalidDataException("A dictionary-encoded page without a dictionary or indices.");
                            }
                            indices = Rent(indices, defined);
                            var pageIndices = indices.AsSpan(0, defined);
                            RleBitPackedHybrid.Decode(_bytes.AsSpan(valuesStart + 1, valuesLength - 1), _bytes[valuesStart], pageIndices);
                            for (int i = 0; i < defined; i++)
                            {
                                int entry = pageIndices[i];
                                if ((uint)entry >= (uint)DictionarySize)
                                {
                                    throw new InvalidDataException($"Dictionary index {entry} outside the dictionary of {DictionarySize}.");
                                }
                                entries[i] = entry;
                                starts[i] = dictionaryStarts[entry];
                                lengths[i] = dictionaryLengths![entry];
                            }
                        }
                        else
                        {
                            throw new NotSupportedException($"value encoding {header.Encoding}");
                        }
                        Spread(pageLevels, maxDefinitionLevel, defined, starts, lengths, entries);
                        row += count;
                        break;
                    }
                    default:
                        break; // an index page: nothing to read
                }
            }
        }
        finally
        {
            Return(levels);
            Return(indices);
            Return(dictionaryStarts);
            Return(dictionaryLengths);
        }
    }

    /// <summary>Moves the <paramref name="defined"/> packed values to their rows (from the back, so nothing is overwritten before it moves) and marks the nulls.</summary>
    private static void Spread(ReadOnlySpan<int> levels, int maxDefinitionLevel, int defined, Span<int> starts, Span<int> lengths, Span<int> entries)
    {
        if (defined == levels.Length)
        {
            return;
        }
        int next = defined - 1;
        for (int row = levels.Length - 1; row >= 0; row--)
        {
            if (levels[row] == maxDefinitionLevel)
            {
                starts[row] = starts[next];
                lengths[row] = lengths[next];
                entries[row] = entries[next];
                next--;
            }
            else
            {
                starts[row] = -1;
                entries[row] = -1;
            }
        }
    }

    /// <summary>PLAIN byte arrays (a 4-byte length, then the bytes) in <c>_bytes[start..start+length]</c>: one per slot of <paramref name="starts"/>.</summary>
    private void ReadPlain(int start, int length, Span<int> starts, Span<int> lengths)
    {
        var data = _bytes.AsSpan(start, length);
        int position = 0;
        for (int i = 0; i < starts.Length; i++)
        {
            int valueLength = ReadInt32(data, position);
            position += 4;
            if (valueLength < 0 || valueLength > data.Length - position)
            {
                throw new InvalidDataException("A PLAIN value runs past its page.");
            }
            starts[i] = start + position;
            lengths[i] = valueLength;
            position += valueLength;
        }
    }

    /// <summary>Decompresses a page's stored bytes onto the end of <c>_bytes</c>; returns where they start.</summary>
    private int Decompress(ReadOnlySpan<byte> stored, int uncompressedSize, CompressionCodec codec, ZstdSharp.Decompressor? zstd)
    {
        if (uncompressedSize < 0)
        {
            throw new InvalidDataException("A negative page size.");
        }
        EnsureCapacity(uncompressedSize);
        int start = _byteCount;
        var target = _bytes.AsSpan(start, uncompressedSize);
        int written;
        switch (codec)
        {
            case CompressionCodec.UNCOMPRESSED:
                if (stored.Length != uncompressedSize)
                {
                    throw new InvalidDataException("An uncompressed page whose sizes differ.");
                }
                stored.CopyTo(target);
                written = stored.Length;
                break;
            case CompressionCodec.SNAPPY:
                if (Snappier.Snappy.GetUncompressedLength(stored) != uncompressedSize)
                {
                    throw new InvalidDataException("A Snappy page whose size is not its header's.");
                }
                written = Snappier.Snappy.Decompress(stored, target);
                break;
            case CompressionCodec.ZSTD:
                written = zstd!.Unwrap(stored, target);
                break;
            default:
                written = Gunzip(stored, target);
                break;
        }
        if (written != uncompressedSize)
        {
            throw new InvalidDataException($"A page decompressed to {written} bytes where its header says {uncompressedSize}.");
        }
        _byteCount += written;
        return start;
    }

    private static int Gunzip(ReadOnlySpan<byte> stored, Span<byte> target)
    {
        var copy = ArrayPool<byte>.Shared.Rent(stored.Length);
        try
        {
            stored.CopyTo(copy);
            using var gzip = new GZipStream(new MemoryStream(copy, 0, stored.Length), CompressionMode.Decompress);
            int total = 0;
            while (total < target.Length)
            {
                int n = gzip.Read(target[total..]);
                if (n == 0)
                {
                    break;
                }
                total += n;
            }
            return gzip.Read(new byte[1]) == 0 ? total : total + 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private void EnsureCapacity(int more)
    {
        if (more > _bytes.Length - _byteCount)
        {
            var bigger = TablePool.Rent<byte>(checked(Math.Max(_bytes.Length * 2, _byteCount + more)));
            _bytes.AsSpan(0, _byteCount).CopyTo(bigger);
            TablePool.Return(_bytes);
            _bytes = bigger;
        }
    }

    private static int ReadInt32(ReadOnlySpan<byte> data, int offset) =>
        offset >= 0 && offset <= data.Length - 4
            ? BinaryPrimitives.ReadInt32LittleEndian(data[offset..])
            : throw new InvalidDataException("A Parquet page ends early.");

    private static int[] Rent(int[]? current, int length)
    {
        if (current is not null && current.Length >= length)
        {
            return current;
        }
        Return(current);
        return ArrayPool<int>.Shared.Rent(Math.Max(length, 1));
    }

    private static void Return(int[]? array)
    {
        if (array is not null)
        {
            ArrayPool<int>.Shared.Return(array);
        }
    }

    public void Dispose()
    {
        TablePool.Return(_bytes);
        TablePool.Return(_starts);
        TablePool.Return(_lengths);
        TablePool.Return(_entries);
        _bytes = [];
        _starts = _lengths = _entries = [];
    }
}
