using Customer360.Domain.Storage;

namespace Customer360.Domain.Tables;

/// <summary>Writes each table as <c>{name}.csv</c> and <c>{name}.parquet</c> into a store.</summary>
public sealed class FileTableSink(IBlobStore store) : ITableSink
{
    public async Task<IReadOnlyList<string>> WriteAsync(OutputTable table, CancellationToken cancellationToken)
    {
        var csv = $"{table.Name}.csv";
        var parquet = $"{table.Name}.parquet";
        await store.WriteAsync(csv, (s, ct) => CsvTableWriter.WriteAsync(table, s, ct), cancellationToken).ConfigureAwait(false);
        await store.WriteAsync(parquet, (s, ct) => ParquetTableWriter.WriteAsync(table, s, ct), cancellationToken).ConfigureAwait(false);
        return [csv, parquet];
    }
}
