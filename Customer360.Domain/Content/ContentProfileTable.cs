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
        new Int32Column("month", rows.Select(r => r.Month).ToArray()),
        new StringColumn("contract", rows.Select(r => r.Contract).ToArray()),
        new Int64Column("truyen_hinh", rows.Select(r => r.TruyenHinh).ToArray()),
        new Int64Column("phim_truyen", rows.Select(r => r.PhimTruyen).ToArray()),
        new Int64Column("giai_tri", rows.Select(r => r.GiaiTri).ToArray()),
        new Int64Column("thieu_nhi", rows.Select(r => r.ThieuNhi).ToArray()),
        new Int64Column("the_thao", rows.Select(r => r.TheThao).ToArray()),
        new Int32Column("total_devices", rows.Select(r => r.TotalDevices).ToArray()),
        new Int32Column("active_days", rows.Select(r => r.ActiveDays).ToArray()),
        new StringColumn("active_level", rows.Select(r => r.ActiveLevel).ToArray()),
        new StringColumn("most_watch", rows.Select(r => r.MostWatch).ToArray()),
        new StringColumn("taste", rows.Select(r => r.Taste).ToArray()),
    ]);
}
