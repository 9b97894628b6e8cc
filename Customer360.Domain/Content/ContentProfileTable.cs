using Customer360.Domain.Tables;

namespace Customer360.Domain.Content;

/// <summary>The <c>content_profile</c> table: its schema (documented columns in order, types, month columns) and row order.</summary>
public static class ContentProfileTable
{
    public const string Name = "content_profile";

    /// <summary>The table, defined once: monthly files by <c>month</c>, MySQL loads replace whole months.</summary>
    public static TableSchema<ContentProfileRow> Schema { get; } = new(Name,
    [
        TableColumns.Number<ContentProfileRow>("month", r => r.Month),
        TableColumns.Text<ContentProfileRow>("contract", r => r.Contract),
        TableColumns.LongNumber<ContentProfileRow>("truyen_hinh", r => r.TruyenHinh),
        TableColumns.LongNumber<ContentProfileRow>("phim_truyen", r => r.PhimTruyen),
        TableColumns.LongNumber<ContentProfileRow>("giai_tri", r => r.GiaiTri),
        TableColumns.LongNumber<ContentProfileRow>("thieu_nhi", r => r.ThieuNhi),
        TableColumns.LongNumber<ContentProfileRow>("the_thao", r => r.TheThao),
        TableColumns.Number<ContentProfileRow>("total_devices", r => r.TotalDevices),
        TableColumns.Number<ContentProfileRow>("active_days", r => r.ActiveDays),
        TableColumns.Text<ContentProfileRow>("active_level", r => r.ActiveLevel),
        TableColumns.Text<ContentProfileRow>("most_watch", r => r.MostWatch),
        TableColumns.Text<ContentProfileRow>("taste", r => r.Taste),
    ], partitionColumn: "month", loadScopeColumn: "month");

    public static IReadOnlyList<string> ColumnNames => Schema.ColumnNames;

    /// <summary>Rows in table order: by month, then contract (ordinal).</summary>
    public static Comparison<ContentProfileRow> Order { get; } = (a, b) =>
        a.Month != b.Month ? a.Month.CompareTo(b.Month) : string.CompareOrdinal(a.Contract, b.Contract);

    public static OutputTable From(IReadOnlyList<ContentProfileRow> rows) => Schema.Table(rows);
}
