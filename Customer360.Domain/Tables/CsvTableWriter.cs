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
        var buffer = new CsvBuffer(BlockBytes * 2);
        try
        {
            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0)
                {
                    buffer.Append((byte)',');
                }
                buffer.AppendField(table.Columns[c].Name);
            }
            buffer.AppendLineEnd();
            int row = 0;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                row = AppendRows(table, row, ref buffer);
                await stream.WriteAsync(buffer.Written, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
            }
            while (row < table.RowCount);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Rows from <paramref name="row"/> on until a block is full; returns the next row.</summary>
    private static int AppendRows(OutputTable table, int row, ref CsvBuffer buffer)
    {
        var columns = table.Columns;
        for (; row < table.RowCount && buffer.Length < BlockBytes; row++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    buffer.Append((byte)',');
                }
                switch (columns[c])
                {
                    case StringColumn s:
                        buffer.AppendField(s[row]);
                        break;
                    case Int64Column l:
                        buffer.AppendNumber(l[row]);
                        break;
                    case Int32Column i:
                        buffer.AppendNumber(i[row]);
                        break;
                    case NullableInt32Column i:
                        if (i[row] is { } i32)
                        {
                            buffer.AppendNumber(i32);
                        }
                        break;
                    case NullableInt64Column l:
                        if (l[row] is { } i64)
                        {
                            buffer.AppendNumber(i64);
                        }
                        break;
                    default:
                        throw new NotSupportedException(columns[c].GetType().Name);
                }
            }
            buffer.AppendLineEnd();
        }
        return row;
    }

    /// <summary>A pooled byte buffer that grows when a row needs it (a row longer than a block).</summary>
    private struct CsvBuffer(int capacity) : IDisposable
    {
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(capacity);

        public int Length { get; private set; }

        public readonly ReadOnlyMemory<byte> Written => _bytes.AsMemory(0, Length);

        public void Clear() => Length = 0;

        public void Append(byte value)
        {
            Ensure(1);
            _bytes[Length++] = value;
        }

        public void AppendLineEnd()
        {
            Ensure(2);
            _bytes[Length++] = (byte)'\r';
            _bytes[Length++] = (byte)'\n';
        }

        public void AppendNumber(long value)
        {
            Ensure(20);
            value.TryFormat(_bytes.AsSpan(Length), out int written, default, CultureInfo.InvariantCulture);
            Length += written;
        }

        public void AppendField(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                value = string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"");
            }
            Ensure(Utf8NoBom.GetMaxByteCount(value.Length));
            Length += Utf8NoBom.GetBytes(value, _bytes.AsSpan(Length));
        }

        private void Ensure(int more)
        {
            if (Length + more > _bytes.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, Length + more));
                _bytes.AsSpan(0, Length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = bigger;
            }
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
        }
    }
}
