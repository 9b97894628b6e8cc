using System.Globalization;
using System.Text;
using Customer360.Domain.Tables;

namespace Customer360.Tests.Tables;

/// <summary>
/// The CSV writer against a plain reference (a StringBuilder of the documented rules, encoded once), over
/// enough rows to cross many output blocks, with fields that need quoting, non-ASCII text, nulls, extreme
/// numbers and one field longer than a block.
/// </summary>
public class CsvTableWriterTests
{
    [Fact]
    public async Task Every_row_is_written_as_the_documented_rules_say_across_blocks()
    {
        const int rows = 20_000;
        string Text(int i) => (i % 11) switch
        {
            0 => "with,comma",
            1 => "with \"quotes\"",
            2 => "line\r\nbreak",
            3 => "Truyền Hình",
            4 => new string('x', 200_000), // longer than a block: the buffer grows
            5 => "",
            _ => $"row {i}",
        };
        var table = new OutputTable("t",
        [
            new StringColumn("text", rows, i => i % 7 == 0 ? null : Text(i)),
            new Int64Column("long", rows, i => i % 13 == 0 ? long.MinValue : i * -1_000_000_007L),
            new Int32Column("int", rows, i => i % 17 == 0 ? int.MaxValue : i),
            new NullableInt32Column("maybe_int", rows, i => i % 3 == 0 ? null : -i),
            new NullableInt64Column("maybe_long", rows, i => i % 5 == 0 ? null : long.MaxValue - i),
        ]);
        var expected = new StringBuilder("text,long,int,maybe_int,maybe_long\r\n");
        static string Quoted(string? value) =>
            value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        for (int i = 0; i < rows; i++)
        {
            var c = CultureInfo.InvariantCulture;
            expected.Append(Quoted((string?)table.Columns[0].GetValue(i))).Append(',')
                .Append(((long)table.Columns[1].GetValue(i)!).ToString(c)).Append(',')
                .Append(((int)table.Columns[2].GetValue(i)!).ToString(c)).Append(',')
                .Append(((int?)table.Columns[3].GetValue(i))?.ToString(c)).Append(',')
                .Append(((long?)table.Columns[4].GetValue(i))?.ToString(c)).Append("\r\n");
        }

        using var stream = new MemoryStream();
        await CsvTableWriter.WriteAsync(table, stream, CancellationToken.None);

        var bytes = stream.ToArray();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no BOM");
        Assert.Equal(new UTF8Encoding(false).GetBytes(expected.ToString()), bytes);
    }

    [Fact]
    public async Task An_empty_table_is_its_header()
    {
        var table = new OutputTable("t", [new StringColumn("a,b", 0, _ => null), new Int32Column("n", 0, _ => 0)]);
        using var stream = new MemoryStream();
        await CsvTableWriter.WriteAsync(table, stream, CancellationToken.None);
        Assert.Equal("\"a,b\",n\r\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task Text_that_is_not_valid_utf16_fails_the_write_instead_of_being_replaced()
    {
        var table = new OutputTable("t", [new StringColumn("text", 2, i => i == 0 ? "fine" : "bad \ud800 surrogate")]);
        using var stream = new MemoryStream();
        await Assert.ThrowsAsync<EncoderFallbackException>(() => CsvTableWriter.WriteAsync(table, stream, CancellationToken.None));
    }
}
