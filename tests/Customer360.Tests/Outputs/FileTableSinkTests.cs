using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using DuckDB.NET.Data;

namespace Customer360.Tests.Outputs;

/// <summary>The file sink writes each month's part as CSV and Parquet: both hold every row (over several row groups), and a failure of either surfaces.</summary>
public class FileTableSinkTests
{
    // More rows than two Parquet row groups.
    private const int Rows = (2 * ParquetTableWriter.DefaultRowGroupSize) + 12_345;

    private static OutputTable Table() => new("numbers",
    [
        new Int32Column("month", Rows, i => i % 2 == 0 ? 202206 : 202207),
        new StringColumn("name", Rows, i => i % 7 == 0 ? null : $"n,{i}"),
        new Int64Column("value", Rows, i => i * 3L),
        new NullableInt64Column("maybe", Rows, i => i % 5 == 0 ? null : i),
    ], partitionColumn: "month");

    [Fact]
    public async Task Every_part_is_written_whole_as_csv_and_parquet()
    {
        using var temp = new TempFolder();
        var store = new LocalFolderStore(temp.Path);

        var written = await new FileTableSink(store).WriteAsync(Table(), CancellationToken.None);

        Assert.Equal(4, written.Count);
        using var duck = new DuckDBConnection("DataSource=:memory:");
        await duck.OpenAsync();
        foreach (var month in new[] { 202206, 202207 })
        {
            int parity = month == 202206 ? 0 : 1;
            var expected = Enumerable.Range(0, Rows).Where(i => i % 2 == parity).ToList();
            var folder = Path.Combine(temp.Path, "numbers", $"month={month}");
            foreach (var file in new[] { $"read_csv('{folder}/numbers.csv', header = true, all_varchar = false)", $"read_parquet('{folder}/numbers.parquet')" })
            {
                using var command = duck.CreateCommand();
                command.CommandText = $"SELECT count(*)::BIGINT, sum(value)::BIGINT, count(name)::BIGINT, sum(maybe)::BIGINT, count(DISTINCT month)::BIGINT, min(month)::BIGINT FROM {file}";
                using var reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(expected.Count, reader.GetInt64(0));
                Assert.Equal(expected.Sum(i => i * 3L), reader.GetInt64(1));
                Assert.Equal(expected.Count(i => i % 7 != 0), reader.GetInt64(2));
                Assert.Equal(expected.Where(i => i % 5 != 0).Sum(i => (long)i), reader.GetInt64(3));
                Assert.Equal(1, reader.GetInt64(4));
                Assert.Equal(month, reader.GetInt64(5));
            }
        }
    }

    [Fact]
    public async Task A_failing_parquet_write_fails_the_table_and_leaves_no_partial_file()
    {
        using var temp = new TempFolder();
        var store = new FailingParquetStore(new LocalFolderStore(temp.Path));

        var error = await Assert.ThrowsAsync<IOException>(() => new FileTableSink(store).WriteAsync(Table(), CancellationToken.None));

        Assert.Contains("numbers.parquet", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(temp.Path, "*.parquet", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(temp.Path, ".tmp-*", SearchOption.AllDirectories));
    }

    /// <summary>A store whose Parquet writes fail after writing part of the file (a full disk, a lost connection).</summary>
    private sealed class FailingParquetStore(IBlobStore inner) : IBlobStore
    {
        public string Location => inner.Location;

        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken) => inner.OpenReadAsync(name, cancellationToken);

        public Task<Stream> OpenVersionAsync(string name, string etag, CancellationToken cancellationToken) => inner.OpenVersionAsync(name, etag, cancellationToken);

        public Task WriteAsync(string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
            name.EndsWith(".parquet", StringComparison.Ordinal)
                ? inner.WriteAsync(name, async (stream, ct) =>
                {
                    await stream.WriteAsync(new byte[100], ct);
                    throw new IOException($"disk full while writing {name}");
                }, cancellationToken)
                : inner.WriteAsync(name, write, cancellationToken);

        public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) => inner.ExistsAsync(name, cancellationToken);

        public Task<int> DeleteAllAsync(string prefix, CancellationToken cancellationToken) => inner.DeleteAllAsync(prefix, cancellationToken);
    }
}
