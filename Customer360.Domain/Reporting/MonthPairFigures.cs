namespace Customer360.Domain.Reporting;

/// <summary>One consecutive month pair of <c>search_trend</c>.</summary>
/// <param name="Users">Users present in both months.</param>
/// <param name="Changed">Of those, users whose genre changed.</param>
/// <param name="TopTransitions">The most frequent "From - To" transitions, most users first (ties ordinal).</param>
public sealed record MonthPairFigures(int MonthFrom, int MonthTo, long Users, long Changed, IReadOnlyList<NamedCount> TopTransitions);
