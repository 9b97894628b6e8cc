using Customer360.Domain.Content;

namespace Customer360.Domain.Reporting;

/// <summary>
/// The headline figures of a <c>content_profile</c> load (the report's content section, the demo's summary),
/// computed once by the load from the rows it wrote, so the report never reads the table back.
/// </summary>
/// <param name="SecondsByCategory">Seconds watched per category, in category order.</param>
/// <param name="MostWatch">Contracts per most-watched category, in category order.</param>
/// <param name="TopTastes">The most common tastes, most contracts first (ties: ordinal).</param>
/// <param name="ContractsByActiveDays">Contracts per number of active days (only days that occur).</param>
public sealed record ContentFigures(
    long Contracts,
    long HighContracts,
    IReadOnlyList<NamedCount> SecondsByCategory,
    IReadOnlyList<NamedCount> MostWatch,
    IReadOnlyList<NamedCount> TopTastes,
    IReadOnlyDictionary<int, long> ContractsByActiveDays)
{
    public const int TopTasteCount = 10;

    public long LowContracts => Contracts - HighContracts;

    public double HighShare => Contracts == 0 ? 0 : (double)HighContracts / Contracts;

    public double LowShare => Contracts == 0 ? 0 : (double)LowContracts / Contracts;

    public long TotalSeconds => SecondsByCategory.Sum(c => c.Count);

    public static ContentFigures From(IEnumerable<ContentProfileRow> rows)
    {
        long contracts = 0, high = 0;
        var seconds = new long[ContentCategories.Count];
        var most = new Dictionary<string, long>(StringComparer.Ordinal);
        var tastes = new Dictionary<string, long>(StringComparer.Ordinal);
        var days = new SortedDictionary<int, long>();
        foreach (var row in rows)
        {
            contracts++;
            if (row.ActiveLevel == ContentProfileCalculator.High)
            {
                high++;
            }
            foreach (var c in ContentCategories.InOrder)
            {
                seconds[(int)c] += row.Seconds(c);
            }
            most[row.MostWatch] = most.GetValueOrDefault(row.MostWatch) + 1;
            tastes[row.Taste] = tastes.GetValueOrDefault(row.Taste) + 1;
            days[row.ActiveDays] = days.GetValueOrDefault(row.ActiveDays) + 1;
        }
        var names = ContentCategories.InOrder.Select(ContentCategories.DisplayName).ToList();
        return new ContentFigures(
            contracts,
            high,
            names.Select((name, i) => new NamedCount(name, seconds[i])).ToList(),
            names.Select(name => new NamedCount(name, most.GetValueOrDefault(name))).ToList(),
            tastes.Select(t => new NamedCount(t.Key, t.Value)).OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal).Take(TopTasteCount).ToList(),
            days);
    }
}
