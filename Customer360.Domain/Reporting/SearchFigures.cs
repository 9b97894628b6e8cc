using System.Runtime.InteropServices;
using Customer360.Domain.Search;

namespace Customer360.Domain.Reporting;

/// <summary>The figures of a <c>search_top_keyword</c> load: genre share per month, top keywords per genre, who classified.</summary>
/// <param name="TopKeywords">Per genre (most users first), its top keywords by users; ties ordinal.</param>
/// <param name="Sources">Users per genre source (llm, rules, cache, fallback), most first.</param>
public sealed record SearchFigures(IReadOnlyList<MonthGenreFigures> Months, IReadOnlyList<GenreKeywordFigure> TopKeywords, IReadOnlyList<NamedCount> Sources)
{
    public const int KeywordsPerGenre = 3;

    /// <summary>
    /// One pass over the rows (a month has hundreds of thousands) into counters per month × genre, genre × keyword
    /// and source; only the counters, a few hundred thousand at most, are then sorted.
    /// </summary>
    public static SearchFigures From(IReadOnlyList<TopKeywordRow> rows)
    {
        var months = new SortedDictionary<int, Dictionary<string, long>>();
        var genres = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        var sources = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!months.TryGetValue(row.Month, out var monthGenres))
            {
                months.Add(row.Month, monthGenres = new Dictionary<string, long>(StringComparer.Ordinal));
            }
            Increment(monthGenres, row.Genre);
            ref var keywords = ref CollectionsMarshal.GetValueRefOrAddDefault(genres, row.Genre, out _);
            keywords ??= new Dictionary<string, long>(StringComparer.Ordinal);
            Increment(keywords, row.MostSearch);
            Increment(sources, row.GenreSource);
        }

        var monthFigures = months.Select(m => new MonthGenreFigures(m.Key, m.Value.Values.Sum(), Ordered(m.Value))).ToList();
        var keywordFigures = genres
            .Select(g => (Genre: g.Key, Users: g.Value.Values.Sum(), Keywords: g.Value))
            .OrderByDescending(g => g.Users).ThenBy(g => g.Genre, StringComparer.Ordinal)
            .SelectMany(g => g.Keywords
                .OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal)
                .Take(KeywordsPerGenre)
                .Select(k => new GenreKeywordFigure(g.Genre, k.Key, k.Value)))
            .ToList();
        return new SearchFigures(monthFigures, keywordFigures, Ordered(sources));
    }

    private static void Increment(Dictionary<string, long> counts, string key) =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;

    /// <summary>Most first, ties ordinal.</summary>
    private static List<NamedCount> Ordered(Dictionary<string, long> counts) =>
        counts.Select(c => new NamedCount(c.Key, c.Value))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
}
