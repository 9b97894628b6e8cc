namespace Customer360.Domain.Reporting;

/// <summary>One month of <c>search_top_keyword</c>: its users, and users per genre (most first, ties ordinal).</summary>
public sealed record MonthGenreFigures(int Month, long Users, IReadOnlyList<NamedCount> Genres);
