using System.Buffers;
using System.Globalization;
using System.Text;

namespace Customer360.Domain.Tables;

/// <summary>
/// Writes a table as CSV: UTF-8 without a BOM, a header row with the table's columns in order,
/// RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted; quotes doubled), CRLF line ends,
/// integers in invariant culture without separators.
/// </summary>
/// <remarks>
/// Cells are encoded straight into a byte buffer (strings as UTF-8, numbers formatted as UTF-8), written out
/// a block at a time: no UTF-16 text buffer in between, which is what a <see cref="StreamWriter"/> costs.
/// A string that is not valid UTF-16 (an unpaired surrogate) fails the write, as the strict encoder says.
/// </remarks>
public static class CsvTableWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A block is written out once it holds this much.</summary>
    private const int BlockBytes = 1 << 16;

    public static async Task WriteAsync(OutputTable table, Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(BlockBytes * 2);
        for (int c = 0; c < table.Columns.Count; c++)
        {
            if (c > 0)
            {
                Append(buffer, (byte)',');
            }
            AppendField(buffer, table.Columns[c].Name);
        }
        AppendLineEnd(buffer);
        int row = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            row = AppendRows(table, row, buffer);
            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            buffer.ResetWrittenCount();
        }
        while (row < table.RowCount);
    }

    /// <summary>Rows from <paramref name="row"/> on until a block is full (a longer row grows the buffer); returns the next row.</summary>
    private static int AppendRows(OutputTable table, int row, ArrayBufferWriter<byte> buffer)
    {
        var columns = table.Columns;
        for (; row < table.RowCount && buffer.WrittenCount < BlockBytes; row++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    Append(buffer, (byte)',');
                }
                switch (columns[c])
                {
                    case StringColumn s:
                        AppendField(buffer, s[row]);
                        break;
                    case Int64Column l:
                        AppendNumber(buffer, l[row]);
                        break;
                    case Int32Column i:
                        AppendNumber(buffer, i[row]);
                        break;
                    case NullableInt32Column i:
                        if (i[row] is { } i32)
                        {
                            AppendNumber(buffer, i32);
                        }
                        break;
                    case NullableInt64Column l:
                        if (l[row] is { } i64)
                        {
                            AppendNumber(buffer, i64);
                        }
                        break;
                    default:
                        throw new NotSupportedException(columns[c].GetType().Name);
                }
            }
            AppendLineEnd(buffer);
        }
        return row;
    }

    private static void Append(ArrayBufferWriter<byte> buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    private static void AppendLineEnd(ArrayBufferWriter<byte> buffer)
    {
        var span = buffer.GetSpan(2);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        buffer.Advance(2);
    }

    private static void AppendNumber(ArrayBufferWriter<byte> buffer, long value)
    {
        value.TryFormat(buffer.GetSpan(20), out int written, default, CultureInfo.InvariantCulture);
        buffer.Advance(written);
    }

    private static void AppendField(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            value = string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"");
        }
        buffer.Advance(Utf8NoBom.GetBytes(value, buffer.GetSpan(Utf8NoBom.GetMaxByteCount(value.Length))));
    }
}
