using System.Globalization;

namespace Customer360.Bench;

/// <summary>What both engines must agree on: row count and per-column sums (and a few category counts).</summary>
public sealed record TableSummary(IReadOnlyDictionary<string, long> Figures)
{
    public static IReadOnlyList<string> Differences(TableSummary ours, TableSummary duck) =>
        ours.Figures.Keys.Union(duck.Figures.Keys).Order(StringComparer.Ordinal)
            .Where(k => ours.Figures.GetValueOrDefault(k, long.MinValue) != duck.Figures.GetValueOrDefault(k, long.MinValue))
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}: ours {ours.Figures.GetValueOrDefault(k)} vs duckdb {duck.Figures.GetValueOrDefault(k)}"))
            .ToList();
}
