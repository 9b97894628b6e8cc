using Customer360.Domain.Tables;
using Parquet;
using Parquet.Schema;

namespace Customer360.Tests.Tables;

public class ParquetTableWriterTests
{
    [Fact]
    public async Task Every_row_group_holds_its_own_rows_although_the_column_buffers_are_reused()
    {
        const int rows = 1_000;
        var table = new OutputTable("t",
        [
            new StringColumn("text", rows, i => i % 7 == 0 ? null : $"row {i}"),
            new Int64Column("long", rows, i => i * 1_000_000_007L),
            new Int32Column("int", rows, i => -i),
            new NullableInt32Column("maybe_int", rows, i => i % 3 == 0 ? null : i),
            new NullableInt64Column("maybe_long", rows, i => i % 5 == 0 ? null : i * 3L),
        ]);
        using var stream = new MemoryStream();
        await ParquetTableWriter.WriteAsync(table, stream, CancellationToken.None, rowGroupSize: 300); // groups of 300, 300, 300, 100

        stream.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(4, reader.RowGroupCount);
        var fields = reader.Schema.GetDataFields();
        int offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            var text = new string?[n];
            var longs = new long[n];
            var ints = new int[n];
            var maybeInts = new int?[n];
            var maybeLongs = new long?[n];
            await group.ReadAsync(Field(fields, "text"), text.AsMemory());
            await group.ReadAsync<long>(Field(fields, "long"), longs.AsMemory());
            await group.ReadAsync<int>(Field(fields, "int"), ints.AsMemory());
            await group.ReadAsync<int>(Field(fields, "maybe_int"), maybeInts.AsMemory());
            await group.ReadAsync<long>(Field(fields, "maybe_long"), maybeLongs.AsMemory());
            for (int i = 0; i < n; i++)
            {
                int row = offset + i;
                Assert.Equal(table.Columns[0].GetValue(row), text[i]);
                Assert.Equal(table.Columns[1].GetValue(row), longs[i]);
                Assert.Equal(table.Columns[2].GetValue(row), ints[i]);
                Assert.Equal(table.Columns[3].GetValue(row), maybeInts[i]);
                Assert.Equal(table.Columns[4].GetValue(row), maybeLongs[i]);
            }
            offset += n;
        }
        Assert.Equal(rows, offset);
    }

    private static DataField Field(DataField[] fields, string name) => fields.Single(f => f.Name == name);
}
