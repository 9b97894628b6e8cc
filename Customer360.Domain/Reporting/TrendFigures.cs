using Customer360.Domain.Search;

namespace Customer360.Domain.Reporting;

/// <summary>The figures of a <c>search_trend</c> load: per month pair, users, how many changed genre, the top transitions.</summary>
public sealed record TrendFigures(IReadOnlyList<MonthPairFigures> Pairs)
{
    public const int TopTransitionCount = 10;

    public static TrendFigures From(IReadOnlyList<TrendRow> rows) => new(rows
        .GroupBy(t => (t.MonthFrom, t.MonthTo)).OrderBy(g => g.Key.MonthFrom).ThenBy(g => g.Key.MonthTo)
        .Select(g => new MonthPairFigures(g.Key.MonthFrom, g.Key.MonthTo, g.LongCount(),
            g.LongCount(t => t.TrendingType == TrendBuilder.Changed),
            g.Where(t => t.TrendingType == TrendBuilder.Changed).GroupBy(t => t.Previous, StringComparer.Ordinal)
                .Select(p => new NamedCount(p.Key, p.LongCount()))
                .OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.Ordinal)
                .Take(TopTransitionCount).ToList()))
        .ToList());
}
