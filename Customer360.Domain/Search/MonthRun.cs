namespace Customer360.Domain.Search;

/// <summary>One month's rows of a <see cref="MonthlyTopKeywords"/>: <c>Rows[Start..End]</c>.</summary>
public readonly record struct MonthRun(int Month, int Start, int End);
