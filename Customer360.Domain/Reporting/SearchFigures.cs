using Customer360.Domain.Search;

namespace Customer360.Domain.Reporting;

/// <summary>The figures of a <c>search_top_keyword</c> load: genre share per month, top keywords per genre, who classified.</summary>
/// <param name="TopKeywords">Per genre (most users first), its top keywords by users; ties ordinal.</param>
/// <param name="Sources">Users per category source (llm, rules, cache, fallback), most first.</param>
public sealed record SearchFigures(IReadOnlyList<MonthGenreFigures> Months, IReadOnlyList<GenreKeywordFigure> TopKeywords, IReadOnlyList<NamedCount> Sources)
{
    public const int KeywordsPerGenre = 3;

    public static SearchFigures From(IReadOnlyList<TopKeywordRow> rows)
    {
        var months = rows.GroupBy(r => r.Month).OrderBy(g => g.Key)
            .Select(g => new MonthGenreFigures(g.Key, g.LongCount(), Counts(g, r => r.Category)))
            .ToList();
        var keywords = rows.GroupBy(r => r.Category, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.GroupBy(r => r.MostSearch, StringComparer.Ordinal)
                .Select(k => new GenreKeywordFigure(g.Key, k.Key, k.LongCount()))
                .OrderByDescending(k => k.Users).ThenBy(k => k.Keyword, StringComparer.Ordinal)
                .Take(KeywordsPerGenre))
            .ToList();
        return new SearchFigures(months, keywords, Counts(rows, r => r.CategorySource));
    }

    private static List<NamedCount> Counts(IEnumerable<TopKeywordRow> rows, Func<TopKeywordRow, string> key) =>
        rows.GroupBy(key, StringComparer.Ordinal).Select(g => new NamedCount(g.Key, g.LongCount()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
}
