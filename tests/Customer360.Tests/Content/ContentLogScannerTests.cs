using System.Globalization;
using System.IO.Compression;
using System.Text;
using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

public class ContentLogScannerTests
{
    private const string Valid1 = """{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":10,"Mac":"AA"}}""";
    private const string Valid2 = """{"_source":{"Contract":"C2","AppName":"SPORT","TotalDuration":20}}""";

    private static async Task<(ContentFileStats Stats, ContentDayAggregator Aggregate)> ScanAsync(byte[] bytes, bool gzip = false)
    {
        var aggregate = new ContentDayAggregator(new DateOnly(2022, 4, 3));
        var stats = await new ContentLogScanner(CategoryMap.Default).ScanAsync(new MemoryStream(bytes), gzip, aggregate, CancellationToken.None);
        return (stats, aggregate);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Blank_lines_are_skipped_and_not_counted()
    {
        var (stats, _) = await ScanAsync(Utf8($"\n{Valid1}\n   \n\t\n\r\n{Valid2}\n\n"));
        Assert.Equal(2, stats.LinesRead);
        Assert.Equal(2, stats.Accepted);
        Assert.Equal(0, stats.RejectedTotal);
    }

    [Fact]
    public async Task Crlf_and_a_final_line_without_newline_are_lines()
    {
        var (stats, aggregate) = await ScanAsync(Utf8($"{Valid1}\r\n{Valid2}"));
        Assert.Equal(2, stats.Accepted);
        Assert.Equal(20, aggregate.Contracts["C2"].Seconds[(int)ContentCategory.TheThao]);
    }

    [Fact]
    public async Task A_truncated_line_does_not_swallow_the_next()
    {
        var (stats, aggregate) = await ScanAsync(Utf8($"{Valid1[..30]}\n{Valid2}\n"));
        Assert.Equal(2, stats.LinesRead);
        Assert.Equal(1, stats.Accepted);
        Assert.Equal(1, stats.Rejected["malformed"]);
        Assert.True(aggregate.Contracts.ContainsKey("C2"));
    }

    [Fact]
    public async Task Counts_every_reason_and_names_unmapped_apps()
    {
        var lines = string.Join('\n',
            Valid1,
            "garbage",
            """{"_source":{"Contract":"C1","AppName":"VOD"}}""",
            """{"_source":{"Contract":"0","AppName":"VOD","TotalDuration":1}}""",
            """{"_source":{"Contract":"C1","AppName":"IPTV","TotalDuration":1}}""",
            """{"_source":{"Contract":"C1","AppName":"IPTV","TotalDuration":2}}""",
            """{"_source":{"Contract":"C1","AppName":7,"TotalDuration":2}}""",
            """{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":"5"}}""",
            """{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":0}}""");
        var (stats, _) = await ScanAsync(Utf8(lines));
        Assert.Equal(9, stats.LinesRead);
        Assert.Equal(1, stats.Accepted);
        Assert.Equal(new Dictionary<string, long>
        {
            ["line_too_long"] = 0, ["malformed"] = 1, ["missing_field"] = 1, ["bad_contract"] = 1,
            ["unmapped_app"] = 3, ["bad_duration"] = 1, ["non_positive_duration"] = 1,
        }, stats.Rejected);
        Assert.Equal(2, stats.UnmappedApps["IPTV"]);
        Assert.Equal(1, stats.UnmappedApps["(number)"]);
        Assert.Null(stats.Error);
    }

    [Fact]
    public async Task Lines_longer_than_the_read_buffer_are_handled()
    {
        var padding = new string('x', 3 << 20);
        var (stats, _) = await ScanAsync(Utf8($"{{\"pad\":\"{padding}\",\"_source\":{{\"Contract\":\"C9\",\"AppName\":\"VOD\",\"TotalDuration\":1}}}}\n{Valid2}"));
        Assert.Equal(2, stats.Accepted);
    }

    [Fact]
    public async Task Reads_gzip()
    {
        var (stats, _) = await ScanAsync(Gzip(Utf8($"{Valid1}\n{Valid2}\n")), gzip: true);
        Assert.Equal(2, stats.Accepted);
        Assert.Null(stats.Error);
    }

    [Fact]
    public async Task A_corrupt_gzip_keeps_the_complete_lines_before_the_corruption_and_reports_it()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"_source\":{{\"Contract\":\"C{i}\",\"AppName\":\"VOD\",\"TotalDuration\":{i + 1}}}}}\n");
        }
        var gz = Gzip(Utf8(text.ToString()));
        // Corrupt the deflate stream two thirds of the way in.
        for (int i = gz.Length * 2 / 3; i < (gz.Length * 2 / 3) + 64; i++)
        {
            gz[i] ^= 0x5A;
        }
        var (stats, aggregate) = await ScanAsync(gz, gzip: true);
        Assert.NotNull(stats.Error);
        Assert.InRange(stats.LinesRead, 1, 19_999);
        // Every line counted was complete; valid ones carried their own contract.
        Assert.Equal(stats.LinesRead, stats.Accepted + stats.RejectedTotal);
        Assert.True(stats.Accepted > 1000);
        Assert.All(aggregate.Contracts, kv => Assert.Equal(long.Parse(kv.Key[1..], CultureInfo.InvariantCulture) + 1, kv.Value.Seconds[(int)ContentCategory.PhimTruyen]));
    }

    [Fact]
    public async Task A_truncated_gzip_is_reported()
    {
        var gz = Gzip(Utf8(string.Concat(Enumerable.Repeat(Valid1 + "\n", 5000))));
        var (stats, _) = await ScanAsync(gz[..(gz.Length / 2)], gzip: true);
        Assert.NotNull(stats.Error);
    }

    [Fact]
    public async Task An_empty_file_is_fine()
    {
        var (stats, aggregate) = await ScanAsync([]);
        Assert.Equal(0, stats.LinesRead);
        Assert.Null(stats.Error);
        Assert.Empty(aggregate.Contracts);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(data);
        }
        return output.ToArray();
    }
}
