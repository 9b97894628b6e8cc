using Parquet;
using Parquet.Schema;

namespace Customer360.Domain.Tables;

/// <summary>Writes a table as one Parquet file (Parquet.Net), column by column, in row groups.</summary>
public static class ParquetTableWriter
{
    private const int RowGroupSize = 1 << 20;

    public static async Task WriteAsync(OutputTable table, Stream stream, CancellationToken cancellationToken)
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
        for (int start = 0; start < Math.Max(table.RowCount, 1); start += RowGroupSize)
        {
            int length = Math.Min(RowGroupSize, table.RowCount - start);
            using var group = writer.CreateRowGroup();
            for (int c = 0; c < fields.Length; c++)
            {
                switch (table.Columns[c])
                {
                    case StringColumn s:
                        await group.WriteAsync(fields[c], new ArraySegment<string?>(s.Values, start, length)).ConfigureAwait(false);
                        break;
                    case Int64Column l:
                        await group.WriteAsync<long>(fields[c], (ReadOnlyMemory<long>)l.Values.AsMemory(start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case Int32Column i:
                        await group.WriteAsync<int>(fields[c], (ReadOnlyMemory<int>)i.Values.AsMemory(start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case NullableInt32Column i:
                        await group.WriteAsync<int>(fields[c], (ReadOnlyMemory<int?>)i.Values.AsMemory(start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case NullableInt64Column l:
                        await group.WriteAsync<long>(fields[c], (ReadOnlyMemory<long?>)l.Values.AsMemory(start, length), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
    }
}
