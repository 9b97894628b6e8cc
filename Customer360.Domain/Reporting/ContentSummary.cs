using Customer360.Domain.Content;

namespace Customer360.Domain.Reporting;

/// <summary>The headline content figures of a profile table (the demo's summary, the report's KPIs).</summary>
public sealed record ContentSummary(
    long Contracts,
    long HighContracts,
    long LowContracts,
    IReadOnlyDictionary<ContentCategory, long> SecondsByCategory,
    IReadOnlyDictionary<ContentCategory, long> MostWatchCounts)
{
    public double HighShare => Contracts == 0 ? 0 : (double)HighContracts / Contracts;

    public double LowShare => Contracts == 0 ? 0 : (double)LowContracts / Contracts;

    public long TotalSeconds => SecondsByCategory.Values.Sum();

    public static ContentSummary From(IEnumerable<ContentProfileRow> rows)
    {
        long contracts = 0, high = 0;
        var seconds = ContentCategories.InOrder.ToDictionary(c => c, _ => 0L);
        var most = ContentCategories.InOrder.ToDictionary(c => c, _ => 0L);
        var byName = ContentCategories.InOrder.ToDictionary(ContentCategories.DisplayName, c => c);
        foreach (var row in rows)
        {
            contracts++;
            if (row.ActiveLevel == ContentProfileCalculator.High)
            {
                high++;
            }
            foreach (var c in ContentCategories.InOrder)
            {
                seconds[c] += row.Seconds(c);
            }
            most[byName[row.MostWatch]]++;
        }
        return new ContentSummary(contracts, high, contracts - high, seconds, most);
    }
}
