using System.Globalization;
using System.Text;
using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

/// <summary>
/// Lines that operators and attackers really produce: each is rejected with a reason (or read, when it is
/// valid), memory stays bounded, and the valid lines around it give the same result as without it.
/// </summary>
public class ContentHostileInputTests
{
    private const string Before = """{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":10,"Mac":"AA"}}""";
    private const string After = """{"_source":{"Contract":"C2","AppName":"SPORT","TotalDuration":20}}""";

    private static async Task<(ContentFileStats Stats, ContentDayAggregator Aggregate)> ScanAsync(Stream stream, bool gzip = false)
    {
        var aggregate = new ContentDayAggregator(new DateOnly(2022, 4, 3));
        var stats = await new ContentLogScanner(CategoryMap.Default).ScanAsync(stream, gzip, aggregate, CancellationToken.None);
        return (stats, aggregate);
    }

    private static Task<(ContentFileStats Stats, ContentDayAggregator Aggregate)> ScanAsync(string hostileLine) =>
        ScanAsync(new MemoryStream(Encoding.UTF8.GetBytes($"{Before}\n{hostileLine}\n{After}\n")));

    private static void AssertNeighboursIntact(ContentFileStats stats, ContentDayAggregator aggregate)
    {
        Assert.Equal(3, stats.LinesRead);
        Assert.Equal(2, stats.Accepted);
        Assert.Equal(10, aggregate.Contracts["C1"].Seconds[(int)ContentCategory.PhimTruyen]);
        Assert.Equal(20, aggregate.Contracts["C2"].Seconds[(int)ContentCategory.TheThao]);
        Assert.Equal(2, aggregate.Contracts.Count);
        Assert.Null(stats.Error);
    }

    [Fact]
    public async Task A_200_MB_line_is_rejected_as_too_long_in_bounded_memory()
    {
        // Streamed, never materialised: the test itself holds no 200 MB.
        var stream = new GeneratedStream(Encoding.UTF8.GetBytes($"{Before}\n{{\"pad\":\""), (byte)'x', 200L << 20, Encoding.UTF8.GetBytes($"\"}}\n{After}\n"));
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var (stats, aggregate) = await ScanAsync(stream);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        AssertNeighboursIntact(stats, aggregate);
        Assert.Equal(1, stats.Rejected["line_too_long"]);
        // The stream completes synchronously, so the whole scan ran on this thread: its buffers are at
        // most 1 + 2 + 4 MiB (the line limit), far from the line's 200 MB.
        Assert.InRange(allocated, 0, 3 * ContentLogScanner.MaxLineBytes);
    }

    [Fact]
    public async Task A_line_just_under_the_limit_is_still_read()
    {
        var pad = new string('x', ContentLogScanner.MaxLineBytes - 100);
        var (stats, aggregate) = await ScanAsync($"{{\"pad\":\"{pad}\",\"_source\":{{\"Contract\":\"C3\",\"AppName\":\"VOD\",\"TotalDuration\":1}}}}");
        Assert.Equal(3, stats.Accepted);
        Assert.Equal(0, stats.Rejected["line_too_long"]);
        Assert.True(aggregate.Contracts.ContainsKey("C3"));
    }

    [Fact]
    public async Task Binary_garbage_without_a_newline_is_one_too_long_line_and_the_file_goes_on()
    {
        var garbage = new byte[10 << 20];
        new Random(7).NextBytes(garbage);
        for (int i = 0; i < garbage.Length; i++)
        {
            if (garbage[i] == (byte)'\n')
            {
                garbage[i] = 0;
            }
        }
        var (stats, aggregate) = await ScanAsync(new MemoryStream([.. Encoding.UTF8.GetBytes(Before + "\n"), .. garbage, .. Encoding.UTF8.GetBytes("\n" + After + "\n")]));
        AssertNeighboursIntact(stats, aggregate);
        Assert.Equal(1, stats.Rejected["line_too_long"]);
    }

    [Fact]
    public async Task Binary_garbage_and_nul_bytes_in_lines_are_malformed()
    {
        var lines = new StringBuilder();
        lines.Append(Before).Append('\n');
        lines.Append("\0\0\0\0").Append('\n');
        lines.Append("{\"_source\":{\"Contract\":\"C9\0\",\"AppName\":\"VOD\",\"TotalDuration\":1}}").Append('\n'); // raw NUL inside a string
        lines.Append("{\"_source\":{\"Contract\":\"C9\",\"AppName\":\"VOD\",\"TotalDuration\":1}}\0").Append('\n'); // NUL after the object
        lines.Append(After).Append('\n');
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(lines.ToString()));
        var random = new byte[4096];
        new Random(3).NextBytes(random);
        bytes.InsertRange(Encoding.UTF8.GetByteCount(Before + "\n"), random.Select(b => b == (byte)'\n' ? (byte)1 : b).Append((byte)'\n'));
        var (stats, aggregate) = await ScanAsync(new MemoryStream([.. bytes]));

        Assert.Equal(6, stats.LinesRead);
        Assert.Equal(2, stats.Accepted);
        Assert.Equal(4, stats.Rejected["malformed"]);
        Assert.False(aggregate.Contracts.ContainsKey("C9"));
        Assert.Null(stats.Error);
    }

    [Fact]
    public async Task Json_nested_10000_deep_is_malformed()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var (stats, aggregate) = await ScanAsync(deep);
        AssertNeighboursIntact(stats, aggregate);
        Assert.Equal(1, stats.Rejected["malformed"]);

        // Nested inside _source, next to valid fields: still rejected, the fields are not taken.
        var inSource = "{\"_source\":{\"Contract\":\"C5\",\"AppName\":\"VOD\",\"TotalDuration\":1,\"x\":" + string.Concat(Enumerable.Repeat("[", 10_000)) + new string(']', 10_000) + "}}";
        (stats, aggregate) = await ScanAsync(inSource);
        AssertNeighboursIntact(stats, aggregate);
        Assert.Equal(1, stats.Rejected["malformed"]);
    }

    [Fact]
    public async Task A_line_with_100000_keys_is_read_like_any_other()
    {
        var keys = string.Join(',', Enumerable.Range(0, 100_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"k{i}\":{i}")));
        var (stats, aggregate) = await ScanAsync($"{{{keys},\"_source\":{{{keys},\"Contract\":\"C7\",\"AppName\":\"SPORT\",\"TotalDuration\":7}}}}");
        Assert.Equal(3, stats.Accepted);
        Assert.Equal(7, aggregate.Contracts["C7"].Seconds[(int)ContentCategory.TheThao]);

        // 50,000 repeated _source keys (3 MB, under the line limit): the last one wins, as for two.
        var repeated = string.Concat(Enumerable.Repeat("\"_source\":{\"Contract\":\"X\",\"AppName\":\"VOD\",\"TotalDuration\":1},", 50_000));
        (stats, aggregate) = await ScanAsync($"{{{repeated}\"_source\":{{\"Contract\":\"C8\",\"AppName\":\"VOD\",\"TotalDuration\":8}}}}");
        Assert.Equal(3, stats.Accepted);
        Assert.False(aggregate.Contracts.ContainsKey("X"));
        Assert.Equal(8, aggregate.Contracts["C8"].Seconds[(int)ContentCategory.PhimTruyen]);
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_string_is_malformed()
    {
        var line = Encoding.UTF8.GetBytes("{\"_source\":{\"Contract\":\"C6\",\"AppName\":\"VOD\",\"TotalDuration\":1}}");
        int at = Array.IndexOf(line, (byte)'6');
        var broken = line[..at].Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(line[at..]).ToArray(); // a bad 2-byte sequence, then 0xFF
        var (stats, aggregate) = await ScanAsync(new MemoryStream([.. Encoding.UTF8.GetBytes(Before + "\n"), .. broken, (byte)'\n', .. Encoding.UTF8.GetBytes(After + "\n")]));
        AssertNeighboursIntact(stats, aggregate);
        Assert.Equal(1, stats.Rejected["malformed"]);
    }

    /// <summary>A prefix, <c>count</c> copies of one byte, a suffix; produced on demand and completing synchronously.</summary>
    private sealed class GeneratedStream(byte[] prefix, byte fill, long count, byte[] suffix) : Stream
    {
        private long _position;
        private long Total => prefix.Length + count + suffix.Length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => Total;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int written = 0;
            while (written < buffer.Length && _position < Total)
            {
                var target = buffer[written..];
                int n;
                if (_position < prefix.Length)
                {
                    n = Math.Min(target.Length, prefix.Length - (int)_position);
                    prefix.AsSpan((int)_position, n).CopyTo(target);
                }
                else if (_position < prefix.Length + count)
                {
                    n = (int)Math.Min(target.Length, prefix.Length + count - _position);
                    target[..n].Fill(fill);
                }
                else
                {
                    int at = (int)(_position - prefix.Length - count);
                    n = Math.Min(target.Length, suffix.Length - at);
                    suffix.AsSpan(at, n).CopyTo(target);
                }
                written += n;
                _position += n;
            }
            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
