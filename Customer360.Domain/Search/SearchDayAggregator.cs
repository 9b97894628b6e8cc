namespace Customer360.Domain.Search;

/// <summary>Counts one day's searches per (trimmed user, normalised keyword): the search map step's state.</summary>
public sealed class SearchDayAggregator
{
    public Dictionary<string, Dictionary<string, long>> Users { get; } = new(StringComparer.Ordinal);

    public void Add(string userId, string keyword)
    {
        if (!Users.TryGetValue(userId, out var keywords))
        {
            Users[userId] = keywords = new Dictionary<string, long>(StringComparer.Ordinal);
        }
        keywords[keyword] = keywords.GetValueOrDefault(keyword) + 1;
    }
}
