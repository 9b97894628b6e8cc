using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

/// <summary>
/// Gzip as log shippers write it: several members concatenated (append, rotation). Every member is read
/// and verified; a file that stops inside a member, or carries bytes that are not a member, is reported
/// with its complete lines kept.
/// </summary>
public class GzipMultiMemberTests
{
    private static string Line(int i) => string.Create(CultureInfo.InvariantCulture, $"{{\"_source\":{{\"Contract\":\"C{i}\",\"AppName\":\"VOD\",\"TotalDuration\":{i + 1}}}}}\n");

    private static byte[] Member(int from, int count) => Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(from, count).Select(Line))));

    private static async Task<(ContentFileStats Stats, ContentDayAggregator Aggregate)> ScanAsync(byte[] bytes, bool gzip = true)
    {
        var aggregate = new ContentDayAggregator(new DateOnly(2022, 4, 3));
        var stats = await new ContentLogScanner(CategoryMap.Default).ScanAsync(new MemoryStream(bytes), gzip, aggregate, CancellationToken.None);
        return (stats, aggregate);
    }

    [Fact]
    public async Task Several_members_are_read_completely_and_accepted()
    {
        // A large member (several reads of output), a small one, and one with a line split across members.
        var first = Member(0, 60_000);
        var second = Member(60_000, 10);
        var split = Line(60_010);
        var third = Gzip(Encoding.UTF8.GetBytes(split[..20]));
        var fourth = Gzip(Encoding.UTF8.GetBytes(split[20..] + Line(60_011)));
        var (stats, aggregate) = await ScanAsync([.. first, .. second, .. third, .. fourth]);

        Assert.Null(stats.Error);
        Assert.Equal(60_012, stats.LinesRead);
        Assert.Equal(60_012, stats.Accepted);
        Assert.Equal(60_012, aggregate.Contracts["C60011"].Seconds[(int)ContentCategory.PhimTruyen]);
    }

    [Fact]
    public async Task A_thousand_tiny_members_and_an_empty_last_member_are_accepted()
    {
        var bytes = new List<byte>();
        for (int i = 0; i < 1000; i++)
        {
            bytes.AddRange(Member(i, 1));
        }
        bytes.AddRange(Gzip([]));
        var (stats, _) = await ScanAsync([.. bytes]);
        Assert.Null(stats.Error);
        Assert.Equal(1000, stats.Accepted);
    }

    [Fact]
    public async Task A_last_member_cut_short_is_reported_and_the_complete_lines_are_kept()
    {
        var first = Member(0, 20_000);
        var second = Member(20_000, 20_000);
        var (stats, aggregate) = await ScanAsync([.. first, .. second[..(second.Length / 2)]]);

        Assert.Contains("truncated", stats.Error, StringComparison.Ordinal);
        Assert.InRange(stats.Accepted, 20_001, 39_999); // all of the first member and part of the second
        Assert.Equal(stats.LinesRead, stats.Accepted);  // no partial line was counted
        Assert.All(aggregate.Contracts, kv => Assert.Equal(long.Parse(kv.Key[1..], CultureInfo.InvariantCulture) + 1, kv.Value.Seconds[(int)ContentCategory.PhimTruyen]));
    }

    [Theory]
    [InlineData(1)] // inside the size
    [InlineData(5)] // inside the CRC32
    [InlineData(8)] // the whole trailer
    public async Task A_file_cut_inside_the_last_trailer_is_reported(int cut)
    {
        var bytes = Member(0, 100).Concat(Member(100, 100)).ToArray();
        var (stats, _) = await ScanAsync(bytes[..^cut]);
        Assert.Contains("truncated", stats.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_crc_in_a_middle_member_is_reported()
    {
        var first = Member(0, 100);
        first[^6] ^= 0x01; // its CRC32
        var (stats, _) = await ScanAsync([.. first, .. Member(100, 100)]);
        Assert.Contains("corrupt", stats.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_after_the_last_member_is_reported()
    {
        var (stats, _) = await ScanAsync([.. Member(0, 100), .. "not gzip at all\n"u8.ToArray()]);
        Assert.NotNull(stats.Error);
    }

    [Fact]
    public async Task A_gz_file_that_is_plain_text_is_reported_as_such()
    {
        var (stats, _) = await ScanAsync(Encoding.UTF8.GetBytes(Line(1)));
        Assert.Contains("not gzip-compressed", stats.Error, StringComparison.Ordinal);
        Assert.Equal(0, stats.LinesRead);
    }

    [Fact]
    public async Task A_json_file_that_is_gzip_is_reported_as_such()
    {
        var (stats, _) = await ScanAsync(Member(0, 10), gzip: false);
        Assert.Contains("rename it to .json.gz", stats.Error, StringComparison.Ordinal);
        Assert.Equal(0, stats.LinesRead);
    }

    [Fact]
    public async Task A_zero_byte_gz_file_has_no_lines_and_no_error()
    {
        var (stats, _) = await ScanAsync([]);
        Assert.Null(stats.Error);
        Assert.Equal(0, stats.LinesRead);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    [InlineData(3, 5)]
    [InlineData(1000, 77_777)]
    [InlineData(123_456, 1 << 20)]
    public void The_crc_of_a_suffix_follows_from_the_crc_of_the_whole_and_of_the_prefix(int prefixLength, int suffixLength)
    {
        var data = new byte[prefixLength + suffixLength];
        new Random(prefixLength + suffixLength).NextBytes(data);
        uint whole = Crc32.HashToUInt32(data);
        uint prefix = Crc32.HashToUInt32(data.AsSpan(0, prefixLength));
        Assert.Equal(Crc32.HashToUInt32(data.AsSpan(prefixLength)), Crc32Suffix.Of(whole, prefix, suffixLength));
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
