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

    // Columns: truyen_hinh, phim_truyen, giai_tri, thieu_nhi, the_thao. Ties go to the earliest in the original
    // job's when-chain: Truyền Hình, Phim Truyện, Thể Thao, Thiếu Nhi, Giải Trí.
    [Theory]
    [InlineData(5, 5, 0, 0, 0, "Truyền Hình")]      // TH = PT → TH
    [InlineData(0, 7, 0, 0, 7, "Phim Truyện")]      // PT = TT → PT
    [InlineData(0, 0, 3, 3, 3, "Thể Thao")]         // GT = TN = TT → TT (column order would say GT)
    [InlineData(0, 0, 4, 4, 0, "Thiếu Nhi")]        // GT = TN → TN
    [InlineData(0, 0, 2, 0, 2, "Thể Thao")]         // GT = TT → TT
    [InlineData(0, 0, 0, 6, 6, "Thể Thao")]         // TN = TT → TT
    [InlineData(4, 0, 0, 0, 4, "Truyền Hình")]      // TH = TT → TH
    [InlineData(3, 3, 3, 3, 3, "Truyền Hình")]      // all equal → TH
    [InlineData(0, 0, 9, 0, 0, "Giải Trí")]         // the only one watched
    [InlineData(0, 0, 5, 4, 4, "Giải Trí")]         // strictly largest wins whatever the order
    [InlineData(1, 2, 3, 4, 5, "Thể Thao")]
    [InlineData(0, 0, 0, 9, 1, "Thiếu Nhi")]
    public void Most_watch_is_the_largest_with_ties_in_the_original_order(long th, long pt, long gt, long tn, long tt, string expected) =>
        Assert.Equal(expected, ContentProfileCalculator.Build(202204, "C", Activity(th, pt, gt, tn, tt), 15).MostWatch);

    // Taste order: Giải Trí, Phim Truyện, Thể Thao, Thiếu Nhi, Truyền Hình (the original's; its Power BI shows
    // "Phim Truyện-Truyền Hình" and "Thiếu Nhi-Truyền Hình").
    [Theory]
    [InlineData(1, 1, 0, 0, 0, "Phim Truyện-Truyền Hình")]
    [InlineData(1, 0, 0, 1, 0, "Thiếu Nhi-Truyền Hình")]
    [InlineData(1, 0, 0, 0, 1, "Thể Thao-Truyền Hình")]
    [InlineData(0, 0, 1, 1, 0, "Giải Trí-Thiếu Nhi")]
    [InlineData(0, 1, 0, 0, 1, "Phim Truyện-Thể Thao")]
    [InlineData(5, 4, 3, 2, 1, "Giải Trí-Phim Truyện-Thể Thao-Thiếu Nhi-Truyền Hình")]
    [InlineData(0, 9, 0, 0, 0, "Phim Truyện")]
    [InlineData(7, 0, 0, 0, 0, "Truyền Hình")]
    public void Taste_lists_watched_categories_in_the_original_order(long th, long pt, long gt, long tn, long tt, string expected) =>
        Assert.Equal(expected, ContentProfileCalculator.Build(202204, "C", Activity(th, pt, gt, tn, tt), 15).Taste);

    [Fact]
    public void Nothing_watched_gives_an_empty_taste_and_the_first_category_of_the_tie_order() =>
        Assert.Equal(("Truyền Hình", ""), (ContentProfileCalculator.Build(202204, "C", Activity(), 15).MostWatch, ContentProfileCalculator.Build(202204, "C", Activity(), 15).Taste));

    [Fact]
    public void Duration_columns_keep_their_order()
    {
        var row = ContentProfileCalculator.Build(202204, "C", Activity(th: 1, pt: 2, gt: 3, tn: 4, tt: 5), 15);
        Assert.Equal((1L, 2L, 3L, 4L, 5L), (row.TruyenHinh, row.PhimTruyen, row.GiaiTri, row.ThieuNhi, row.TheThao));
        Assert.Equal(["truyen_hinh", "phim_truyen", "giai_tri", "thieu_nhi", "the_thao"], ContentCategories.InOrder.Select(ContentCategories.ColumnName));
    }

    [Fact]
    public void Devices_are_counted_distinct()
    {
        var row = ContentProfileCalculator.Build(202204, "C", Activity(th: 1, devices: ["AA", "BB", "AA"]), 15);
        Assert.Equal(2, row.TotalDevices);
    }
}
