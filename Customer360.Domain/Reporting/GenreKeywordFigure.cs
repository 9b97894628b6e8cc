namespace Customer360.Domain.Reporting;

/// <summary>A top keyword of a genre and how many users have it as their month's top keyword.</summary>
public sealed record GenreKeywordFigure(string Genre, string Keyword, long Users);
