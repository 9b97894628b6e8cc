using Parquet;
using Parquet.Schema;

namespace Customer360.Domain.Tables;

/// <summary>Writes a table as one Parquet file (Parquet.Net), column by column, in row groups (one group's values in memory at a time).</summary>
public static class ParquetTableWriter
{
    public const int DefaultRowGroupSize = 1 << 17;

    public static async Task WriteAsync(OutputTable table, Stream stream, CancellationToken cancellationToken, int rowGroupSize = DefaultRowGroupSize)
    {
        var fields = table.Columns.Select(c => c switch
        {
            StringColumn => (DataField)new DataField<string>(c.Name),
            Int64Column => new DataField<long>(c.Name),
            Int32Column => new DataField<int>(c.Name),
            NullableInt32Column => new DataField<int?>(c.Name),
            NullableInt64Column => new DataField<long?>(c.Name),
            _ => throw new NotSupportedException(c.GetType().Name),
        }).ToArray();
        var schema = new ParquetSchema(fields);

        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        // One buffer per column, reused by every row group: fresh ones would be large-object-heap
        // garbage (MBs per column per group) that only a full GC reclaims.
        var buffers = new Array?[fields.Length];
        for (int start = 0; start < Math.Max(table.RowCount, 1); start += rowGroupSize)
        {
            int length = Math.Min(rowGroupSize, table.RowCount - start);
            using var group = writer.CreateRowGroup();
            for (int c = 0; c < fields.Length; c++)
            {
                switch (table.Columns[c])
                {
                    case StringColumn s:
                        await group.WriteAsync(fields[c], Fill(s, buffers, c, start, length)).ConfigureAwait(false);
                        break;
                    case Int64Column l:
                        await group.WriteAsync<long>(fields[c], (ReadOnlyMemory<long>)Fill(l, buffers, c, start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case Int32Column i:
                        await group.WriteAsync<int>(fields[c], (ReadOnlyMemory<int>)Fill(i, buffers, c, start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case NullableInt32Column i:
                        await group.WriteAsync<int>(fields[c], (ReadOnlyMemory<int?>)Fill(i, buffers, c, start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case NullableInt64Column l:
                        await group.WriteAsync<long>(fields[c], (ReadOnlyMemory<long?>)Fill(l, buffers, c, start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
    }

    /// <summary>The column's rows of one group, copied into that column's reused buffer (the first group is the largest).</summary>
    private static ArraySegment<T> Fill<T>(OutputColumn<T> column, Array?[] buffers, int c, int start, int length)
    {
        var buffer = (T[]?)buffers[c] ?? (T[])(buffers[c] = new T[length]);
        column.CopyTo(start, buffer.AsSpan(0, length));
        return new ArraySegment<T>(buffer, 0, length);
    }
}
