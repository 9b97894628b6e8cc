using Customer360.Domain.Tables;

namespace Customer360.Domain.Content;

/// <summary>The <c>content_profile</c> table: its documented columns, in order.</summary>
public static class ContentProfileTable
{
    public const string Name = "content_profile";

    public static IReadOnlyList<string> ColumnNames { get; } =
    [
        "month", "contract", "truyen_hinh", "phim_truyen", "giai_tri", "thieu_nhi", "the_thao",
        "total_devices", "active_days", "active_level", "most_watch", "taste",
    ];

    /// <summary>Rows in table order: by month, then contract (ordinal).</summary>
    public static Comparison<ContentProfileRow> Order { get; } = (a, b) =>
        a.Month != b.Month ? a.Month.CompareTo(b.Month) : string.CompareOrdinal(a.Contract, b.Contract);

    public static OutputTable From(IReadOnlyList<ContentProfileRow> rows) => new(Name,
    [
        Column.OfInt32("month", rows, r => r.Month),
        Column.OfText("contract", rows, r => r.Contract),
        Column.OfInt64("truyen_hinh", rows, r => r.TruyenHinh),
        Column.OfInt64("phim_truyen", rows, r => r.PhimTruyen),
        Column.OfInt64("giai_tri", rows, r => r.GiaiTri),
        Column.OfInt64("thieu_nhi", rows, r => r.ThieuNhi),
        Column.OfInt64("the_thao", rows, r => r.TheThao),
        Column.OfInt32("total_devices", rows, r => r.TotalDevices),
        Column.OfInt32("active_days", rows, r => r.ActiveDays),
        Column.OfText("active_level", rows, r => r.ActiveLevel),
        Column.OfText("most_watch", rows, r => r.MostWatch),
        Column.OfText("taste", rows, r => r.Taste),
    ], partitionColumn: "month");
}
