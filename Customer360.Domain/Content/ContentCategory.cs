namespace Customer360.Domain.Content;

/// <summary>The five content categories, declared in the order of the duration columns (DESIGN §4).</summary>
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

    /// <summary>Categories in the order of the duration columns (truyen_hinh … the_thao).</summary>
    public static IReadOnlyList<ContentCategory> InOrder { get; } =
        [ContentCategory.TruyenHinh, ContentCategory.PhimTruyen, ContentCategory.GiaiTri, ContentCategory.ThieuNhi, ContentCategory.TheThao];

    /// <summary>
    /// MostWatch ties go to the earliest category in this order: the original job's when-chain
    /// (Truyền Hình, Phim Truyện, Thể Thao, Thiếu Nhi, Giải Trí), so its dashboards keep their labels.
    /// </summary>
    public static IReadOnlyList<ContentCategory> MostWatchTieOrder { get; } =
        [ContentCategory.TruyenHinh, ContentCategory.PhimTruyen, ContentCategory.TheThao, ContentCategory.ThieuNhi, ContentCategory.GiaiTri];

    /// <summary>
    /// Taste lists the watched categories in this order: the original job's (Giải Trí, Phim Truyện, Thể Thao,
    /// Thiếu Nhi, Truyền Hình), e.g. <c>Phim Truyện-Truyền Hình</c>, as its Power BI tables show.
    /// </summary>
    public static IReadOnlyList<ContentCategory> TasteOrder { get; } =
        [ContentCategory.GiaiTri, ContentCategory.PhimTruyen, ContentCategory.TheThao, ContentCategory.ThieuNhi, ContentCategory.TruyenHinh];

    /// <summary>The Vietnamese display name used in <c>most_watch</c>, <c>taste</c> and the category map file.</summary>
    public static string DisplayName(ContentCategory category) => category switch
    {
        ContentCategory.TruyenHinh => "Truyền Hình",
        ContentCategory.PhimTruyen => "Phim Truyện",
        ContentCategory.GiaiTri => "Giải Trí",
        ContentCategory.ThieuNhi => "Thiếu Nhi",
        ContentCategory.TheThao => "Thể Thao",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The category whose display name is exactly <paramref name="name"/> (ordinal, as the outputs write it).</summary>
    public static bool TryParseDisplayName(string? name, out ContentCategory category)
    {
        foreach (var candidate in InOrder)
        {
            if (string.Equals(DisplayName(candidate), name, StringComparison.Ordinal))
            {
                category = candidate;
                return true;
            }
        }
        category = default;
        return false;
    }

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
