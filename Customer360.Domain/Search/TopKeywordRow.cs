namespace Customer360.Domain.Search;

/// <summary>
/// A row of <c>search_top_keyword</c>: a user's most searched (normalised) keyword in a month and its genre (a classified
/// <see cref="UserTopKeyword"/>). A struct: a full-scale load holds millions of them, and in one array they cost no
/// object header or pointer each, and sorting or merging them does not chase pointers across the heap.
/// </summary>
/// <param name="Genre">The search genre (column <c>category</c>, the design's name).</param>
/// <param name="GenreSource">Column <c>category_source</c>: <c>llm</c>, <c>cache</c>, <c>rules</c> or <c>fallback</c>.</param>
public readonly record struct TopKeywordRow(int Month, string UserId, string MostSearch, long SearchCount, string Genre, string GenreSource)
{
    /// <summary>Rows in table order: by month, then user (ordinal), as <see cref="UserTopKeyword.Order"/>.</summary>
    public static Comparison<TopKeywordRow> Order { get; } = (a, b) =>
        a.Month != b.Month ? a.Month.CompareTo(b.Month) : string.CompareOrdinal(a.UserId, b.UserId);
}
