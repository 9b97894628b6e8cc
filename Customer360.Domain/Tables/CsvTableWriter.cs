using System.Globalization;
using System.Text;

namespace Customer360.Domain.Tables;

/// <summary>
/// Writes a table as CSV: UTF-8 without a BOM, a header row with the table's columns in order,
/// RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted; quotes doubled), CRLF line ends,
/// integers in invariant culture without separators.
/// </summary>
public static class CsvTableWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task WriteAsync(OutputTable table, Stream stream, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            writer.NewLine = "\r\n";
            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }
                WriteField(writer, table.Columns[c].Name);
            }
            writer.WriteLine();
            // Numbers formatted into one buffer, not a string per cell.
            var number = new char[24];
            for (int row = 0; row < table.RowCount; row++)
            {
                for (int c = 0; c < table.Columns.Count; c++)
                {
                    if (c > 0)
                    {
                        writer.Write(',');
                    }
                    switch (table.Columns[c])
                    {
                        case StringColumn s:
                            WriteField(writer, s[row]);
                            break;
                        case Int64Column l:
                            WriteNumber(writer, l[row], number);
                            break;
                        case Int32Column i:
                            WriteNumber(writer, i[row], number);
                            break;
                        case NullableInt32Column i:
                            if (i[row] is { } i32)
                            {
                                WriteNumber(writer, i32, number);
                            }
                            break;
                        case NullableInt64Column l:
                            if (l[row] is { } i64)
                            {
                                WriteNumber(writer, i64, number);
                            }
                            break;
                        default:
                            throw new NotSupportedException(table.Columns[c].GetType().Name);
                    }
                }
                writer.WriteLine();
                if ((row & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteNumber(StreamWriter writer, long value, char[] buffer)
    {
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer, 0, written);
    }

    private static void WriteField(StreamWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
