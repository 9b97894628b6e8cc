namespace Customer360.Domain.Search;

/// <summary>A row of <c>search_top_keyword</c>: a user's most searched (normalised) keyword in a month and its genre.</summary>
/// <param name="CategorySource"><c>llm</c>, <c>cache</c>, <c>rules</c> or <c>fallback</c>.</param>
public sealed record TopKeywordRow(int Month, string UserId, string MostSearch, long SearchCount, string Category, string CategorySource);
