namespace Customer360.Domain.Content;

/// <summary>The five content categories, declared in the design's category order (used for ties and Taste).</summary>
public enum ContentCategory
{
    TruyenHinh = 0,
    PhimTruyen = 1,
    GiaiTri = 2,
    ThieuNhi = 3,
    TheThao = 4,
}

public static class ContentCategories
{
    public const int Count = 5;

    /// <summary>Categories in category order.</summary>
    public static IReadOnlyList<ContentCategory> InOrder { get; } =
        [ContentCategory.TruyenHinh, ContentCategory.PhimTruyen, ContentCategory.GiaiTri, ContentCategory.ThieuNhi, ContentCategory.TheThao];

    /// <summary>The Vietnamese display name used in <c>most_watch</c> and <c>taste</c>.</summary>
    public static string DisplayName(ContentCategory category) => category switch
    {
        ContentCategory.TruyenHinh => "Truyền Hình",
        ContentCategory.PhimTruyen => "Phim Truyện",
        ContentCategory.GiaiTri => "Giải Trí",
        ContentCategory.ThieuNhi => "Thiếu Nhi",
        ContentCategory.TheThao => "Thể Thao",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The ASCII snake_case column name of the category's watch-time column.</summary>
    public static string ColumnName(ContentCategory category) => category switch
    {
        ContentCategory.TruyenHinh => "truyen_hinh",
        ContentCategory.PhimTruyen => "phim_truyen",
        ContentCategory.GiaiTri => "giai_tri",
        ContentCategory.ThieuNhi => "thieu_nhi",
        ContentCategory.TheThao => "the_thao",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
