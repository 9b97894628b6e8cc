using Customer360.Domain.Storage;

namespace Customer360.Domain.Tables;

/// <summary>
/// Writes each table as CSV and Parquet into a store, partitioned by month (<see cref="OutputLayout"/>): one
/// folder per month the table holds, each with the table's full header, the month column included. Only
/// the months present in the table are written, so another month's files are never touched.
/// </summary>
public sealed class FileTableSink(IBlobStore store) : ITableSink
{
    public async Task<IReadOnlyList<string>> WriteAsync(OutputTable table, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        foreach (var (month, part) in Partitions(table))
        {
            var csv = OutputLayout.File(table.Name, month, OutputLayout.CsvExtension);
            var parquet = OutputLayout.File(table.Name, month, OutputLayout.ParquetExtension);
            // Two encodings of the same read-only column views, each CPU-bound (formatting; encoding and compression):
            // written at once, one per core, they take the slower's time instead of the sum (docs/benchmarks-journal.md, 2026-12-03).
            // Full-scale load-search peaked as before with its preparation on disk, 1.5–1.55 GB with it in the same process (2026-12-02).
            await Task.WhenAll(
                Task.Run(() => store.WriteAsync(csv, (s, ct) => CsvTableWriter.WriteAsync(part, s, ct), cancellationToken), cancellationToken),
                Task.Run(() => store.WriteAsync(parquet, (s, ct) => ParquetTableWriter.WriteAsync(part, s, ct), cancellationToken), cancellationToken)).ConfigureAwait(false);
            written.Add(csv);
            written.Add(parquet);
        }
        return written;
    }

    /// <summary>The table split by its partition column, months ascending, rows in table order; a table that is not monthly is one part.</summary>
    public static IEnumerable<(int? Month, OutputTable Part)> Partitions(OutputTable table)
    {
        if (table.PartitionColumn is not { } name)
        {
            yield return (null, table);
            yield break;
        }
        var column = (Int32Column)table[name];
        var rowsByMonth = new SortedDictionary<int, List<int>>();
        for (int row = 0; row < table.RowCount; row++)
        {
            int month = column[row];
            if (!rowsByMonth.TryGetValue(month, out var rows))
            {
                rowsByMonth[month] = rows = [];
            }
            rows.Add(row);
        }
        foreach (var (month, rows) in rowsByMonth)
        {
            yield return (month, table.Take(rows));
        }
    }
}
