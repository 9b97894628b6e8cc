namespace Customer360.Domain.Search;

/// <summary>A row of <c>search_trend</c>: a user's genre in two consecutive months. A struct, as <see cref="TopKeywordRow"/> is.</summary>
public readonly record struct TrendRow(
    int MonthFrom, int MonthTo, string UserId,
    string MostSearchFrom, string GenreFrom,
    string MostSearchTo, string GenreTo,
    string TrendingType, string Previous);
