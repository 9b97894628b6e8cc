namespace Customer360.Domain.Search;

/// <summary>A row of <c>search_top_keyword</c>: a user's most searched (normalised) keyword in a month and its genre.</summary>
/// <param name="CategorySource"><c>llm</c>, <c>cache</c>, <c>rules</c> or <c>fallback</c>.</param>
public sealed record TopKeywordRow(int Month, string UserId, string MostSearch, long SearchCount, string Category, string CategorySource);

/// <summary>A row of <c>search_trend</c>: a user's genre in two consecutive months.</summary>
public sealed record TrendRow(
    int MonthFrom, int MonthTo, string UserId,
    string MostSearchFrom, string CategoryFrom,
    string MostSearchTo, string CategoryTo,
    string TrendingType, string Previous);

/// <summary>The documented columns of the search tables, in order.</summary>
public static class SearchTables
{
    public const string TopKeyword = "search_top_keyword";
    public const string Trend = "search_trend";
    public const string KeywordCategory = "keyword_category";

    public static IReadOnlyList<string> TopKeywordColumns { get; } = ["month", "user_id", "most_search", "search_count", "category", "category_source"];

    public static IReadOnlyList<string> TrendColumns { get; } =
        ["month_from", "month_to", "user_id", "most_search_from", "category_from", "most_search_to", "category_to", "trending_type", "previous"];

    public static IReadOnlyList<string> KeywordCategoryColumns { get; } = ["keyword", "category", "source", "model"];
}
