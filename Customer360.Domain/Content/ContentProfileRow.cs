namespace Customer360.Domain.Content;

/// <summary>One contract's content profile for one month: a row of <c>content_profile</c>.</summary>
public sealed record ContentProfileRow(
    int Month,
    string Contract,
    long TruyenHinh,
    long PhimTruyen,
    long GiaiTri,
    long ThieuNhi,
    long TheThao,
    int TotalDevices,
    int ActiveDays,
    string ActiveLevel,
    string MostWatch,
    string Taste)
{
    public long Seconds(ContentCategory category) => category switch
    {
        ContentCategory.TruyenHinh => TruyenHinh,
        ContentCategory.PhimTruyen => PhimTruyen,
        ContentCategory.GiaiTri => GiaiTri,
        ContentCategory.ThieuNhi => ThieuNhi,
        ContentCategory.TheThao => TheThao,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
