using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

public class ContentProfileCalculatorTests
{
    private static ContractActivity Activity(long th = 0, long pt = 0, long gt = 0, long tn = 0, long tt = 0, int days = 1, params string[] devices)
    {
        var a = new ContractActivity { DayMask = days >= 32 ? uint.MaxValue : (uint)((1UL << days) - 1) };
        long[] s = [th, pt, gt, tn, tt];
        s.CopyTo(a.Seconds, 0);
        foreach (var d in devices)
        {
            a.AddDevice(d);
        }
        return a;
    }

    [Theory]
    [InlineData(14, "Low")]
    [InlineData(15, "High")]
    [InlineData(16, "High")]
    [InlineData(1, "Low")]
    public void Active_level_threshold_is_inclusive(int days, string level)
    {
        var row = ContentProfileCalculator.Build(202204, "C", Activity(th: 1, days: days), 15);
        Assert.Equal(days, row.ActiveDays);
        Assert.Equal(level, row.ActiveLevel);
    }

    [Fact]
    public void Threshold_is_configurable() =>
        Assert.Equal("High", ContentProfileCalculator.Build(202204, "C", Activity(th: 1, days: 10), 10).ActiveLevel);

    [Theory]
    [InlineData(5, 5, 0, 0, 0, "Truyền Hình")]      // tie → earlier in category order
    [InlineData(0, 7, 0, 0, 7, "Phim Truyện")]
    [InlineData(0, 0, 3, 3, 3, "Giải Trí")]
    [InlineData(1, 2, 3, 4, 5, "Thể Thao")]
    [InlineData(0, 0, 0, 9, 1, "Thiếu Nhi")]
    public void Most_watch_is_the_largest_with_ties_to_category_order(long th, long pt, long gt, long tn, long tt, string expected) =>
        Assert.Equal(expected, ContentProfileCalculator.Build(202204, "C", Activity(th, pt, gt, tn, tt), 15).MostWatch);

    [Theory]
    [InlineData(1, 0, 0, 0, 1, "Truyền Hình-Thể Thao")]
    [InlineData(0, 0, 1, 1, 0, "Giải Trí-Thiếu Nhi")]
    [InlineData(5, 4, 3, 2, 1, "Truyền Hình-Phim Truyện-Giải Trí-Thiếu Nhi-Thể Thao")]
    [InlineData(0, 9, 0, 0, 0, "Phim Truyện")]
    public void Taste_lists_watched_categories_in_category_order(long th, long pt, long gt, long tn, long tt, string expected) =>
        Assert.Equal(expected, ContentProfileCalculator.Build(202204, "C", Activity(th, pt, gt, tn, tt), 15).Taste);

    [Fact]
    public void Devices_are_counted_distinct()
    {
        var row = ContentProfileCalculator.Build(202204, "C", Activity(th: 1, devices: ["AA", "BB", "AA"]), 15);
        Assert.Equal(2, row.TotalDevices);
    }
}
