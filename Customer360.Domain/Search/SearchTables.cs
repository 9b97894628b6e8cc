using Customer360.Domain.Classification;
using Customer360.Domain.Tables;

namespace Customer360.Domain.Search;

/// <summary>The search tables, each defined once (<see cref="TableSchema"/>), and how rows become an <see cref="OutputTable"/>.</summary>
public static class SearchTables
{
    public const string TopKeyword = "search_top_keyword";
    public const string Trend = "search_trend";
    public const string KeywordCategory = "keyword_category";

    /// <summary><c>search_top_keyword</c>: monthly files by <c>month</c>, MySQL loads replace whole months.</summary>
    public static TableSchema<TopKeywordRow> TopKeywordSchema { get; } = new(TopKeyword,
    [
        TableColumns.Number<TopKeywordRow>("month", r => r.Month),
        TableColumns.Text<TopKeywordRow>("user_id", r => r.UserId),
        TableColumns.Text<TopKeywordRow>("most_search", r => r.MostSearch),
        TableColumns.LongNumber<TopKeywordRow>("search_count", r => r.SearchCount),
        TableColumns.Text<TopKeywordRow>("category", r => r.Genre),
        TableColumns.Text<TopKeywordRow>("category_source", r => r.GenreSource),
    ], partitionColumn: "month", loadScopeColumn: "month");

    /// <summary>
    /// <c>search_trend</c>: a month pair's files belong to its later month (<c>month_to</c>, the month whose run
    /// completes the pair); MySQL loads replace by <c>month_from</c>, as the warehouse always has.
    /// </summary>
    public static TableSchema<TrendRow> TrendSchema { get; } = new(Trend,
    [
        TableColumns.Number<TrendRow>("month_from", r => r.MonthFrom),
        TableColumns.Number<TrendRow>("month_to", r => r.MonthTo),
        TableColumns.Text<TrendRow>("user_id", r => r.UserId),
        TableColumns.Text<TrendRow>("most_search_from", r => r.MostSearchFrom),
        TableColumns.Text<TrendRow>("category_from", r => r.GenreFrom),
        TableColumns.Text<TrendRow>("most_search_to", r => r.MostSearchTo),
        TableColumns.Text<TrendRow>("category_to", r => r.GenreTo),
        TableColumns.Text<TrendRow>("trending_type", r => r.TrendingType),
        TableColumns.Text<TrendRow>("previous", r => r.Previous),
    ], partitionColumn: "month_to", loadScopeColumn: "month_from");

    /// <summary>
    /// <c>keyword_category</c>: the run's keywords with their genre (column <c>category</c>), source (llm/cache/rules/fallback) and model
    /// each one got. Not monthly; in MySQL the table of that name is the shared cache, owned by <c>MySqlKeywordCache</c>.
    /// </summary>
    public static TableSchema<KeywordGenre> KeywordGenreSchema { get; } = new(KeywordCategory,
    [
        TableColumns.Text<KeywordGenre>("keyword", r => r.Keyword),
        TableColumns.Text<KeywordGenre>("category", r => r.Genre),
        TableColumns.Text<KeywordGenre>("source", r => r.Source),
        TableColumns.Text<KeywordGenre>("model", r => r.Model),
    ]);

    public static IReadOnlyList<string> TopKeywordColumns => TopKeywordSchema.ColumnNames;

    public static IReadOnlyList<string> TrendColumns => TrendSchema.ColumnNames;

    public static IReadOnlyList<string> KeywordGenreColumns => KeywordGenreSchema.ColumnNames;

    public static OutputTable FromTopKeywords(IReadOnlyList<TopKeywordRow> rows) => TopKeywordSchema.Table(rows);

    public static OutputTable FromTrend(IReadOnlyList<TrendRow> rows) => TrendSchema.Table(rows);

    public static OutputTable FromKeywordGenres(IReadOnlyList<KeywordGenre> rows) => KeywordGenreSchema.Table(rows);
}
