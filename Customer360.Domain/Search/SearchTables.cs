using Customer360.Domain.Classification;
using Customer360.Domain.Tables;

namespace Customer360.Domain.Search;

/// <summary>The search tables: their documented columns, in order, and how rows become an <see cref="OutputTable"/>.</summary>
public static class SearchTables
{
    public const string TopKeyword = "search_top_keyword";
    public const string Trend = "search_trend";
    public const string KeywordCategory = "keyword_category";

    public static IReadOnlyList<string> TopKeywordColumns { get; } = ["month", "user_id", "most_search", "search_count", "category", "category_source"];

    public static IReadOnlyList<string> TrendColumns { get; } =
        ["month_from", "month_to", "user_id", "most_search_from", "category_from", "most_search_to", "category_to", "trending_type", "previous"];

    public static IReadOnlyList<string> KeywordCategoryColumns { get; } = ["keyword", "category", "source", "model"];

    public static OutputTable FromTopKeywords(IReadOnlyList<TopKeywordRow> rows) => new(TopKeyword,
    [
        new Int32Column("month", rows.Select(r => r.Month).ToArray()),
        new StringColumn("user_id", rows.Select(r => r.UserId).ToArray()),
        new StringColumn("most_search", rows.Select(r => r.MostSearch).ToArray()),
        new Int64Column("search_count", rows.Select(r => r.SearchCount).ToArray()),
        new StringColumn("category", rows.Select(r => r.Category).ToArray()),
        new StringColumn("category_source", rows.Select(r => r.CategorySource).ToArray()),
    ]);

    public static OutputTable FromTrend(IReadOnlyList<TrendRow> rows) => new(Trend,
    [
        new Int32Column("month_from", rows.Select(r => r.MonthFrom).ToArray()),
        new Int32Column("month_to", rows.Select(r => r.MonthTo).ToArray()),
        new StringColumn("user_id", rows.Select(r => r.UserId).ToArray()),
        new StringColumn("most_search_from", rows.Select(r => r.MostSearchFrom).ToArray()),
        new StringColumn("category_from", rows.Select(r => r.CategoryFrom).ToArray()),
        new StringColumn("most_search_to", rows.Select(r => r.MostSearchTo).ToArray()),
        new StringColumn("category_to", rows.Select(r => r.CategoryTo).ToArray()),
        new StringColumn("trending_type", rows.Select(r => r.TrendingType).ToArray()),
        new StringColumn("previous", rows.Select(r => r.Previous).ToArray()),
    ]);

    /// <summary>The run's keywords with the category, source (llm/cache/rules/fallback) and model each one got.</summary>
    public static OutputTable FromKeywordCategories(IReadOnlyList<KeywordCategory> rows) => new(KeywordCategory,
    [
        new StringColumn("keyword", rows.Select(r => r.Keyword).ToArray()),
        new StringColumn("category", rows.Select(r => r.Category).ToArray()),
        new StringColumn("source", rows.Select(r => r.Source).ToArray()),
        new StringColumn("model", rows.Select(r => r.Model).ToArray()),
    ]);
}
