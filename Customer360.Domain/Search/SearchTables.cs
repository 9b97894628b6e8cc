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
        Column.OfInt32("month", rows, r => r.Month),
        Column.OfText("user_id", rows, r => r.UserId),
        Column.OfText("most_search", rows, r => r.MostSearch),
        Column.OfInt64("search_count", rows, r => r.SearchCount),
        Column.OfText("category", rows, r => r.Category),
        Column.OfText("category_source", rows, r => r.CategorySource),
    ], partitionColumn: "month");

    public static OutputTable FromTrend(IReadOnlyList<TrendRow> rows) => new(Trend,
    [
        Column.OfInt32("month_from", rows, r => r.MonthFrom),
        Column.OfInt32("month_to", rows, r => r.MonthTo),
        Column.OfText("user_id", rows, r => r.UserId),
        Column.OfText("most_search_from", rows, r => r.MostSearchFrom),
        Column.OfText("category_from", rows, r => r.CategoryFrom),
        Column.OfText("most_search_to", rows, r => r.MostSearchTo),
        Column.OfText("category_to", rows, r => r.CategoryTo),
        Column.OfText("trending_type", rows, r => r.TrendingType),
        Column.OfText("previous", rows, r => r.Previous),
    ], partitionColumn: "month_to"); // a month pair belongs to its later month: the month whose run completes it

    /// <summary>The run's keywords with the category, source (llm/cache/rules/fallback) and model each one got.</summary>
    public static OutputTable FromKeywordCategories(IReadOnlyList<KeywordCategory> rows) => new(KeywordCategory,
    [
        Column.OfText("keyword", rows, r => r.Keyword),
        Column.OfText("category", rows, r => r.Category),
        Column.OfText("source", rows, r => r.Source),
        Column.OfText("model", rows, r => r.Model),
    ]);
}
