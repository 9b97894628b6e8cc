using Customer360.Domain.Reporting;
using Customer360.Domain.Search;

namespace Customer360.Tests.Reporting;

/// <summary>The load's search figures, hand-computed: counts per month × genre, top keywords per genre, sources; ties ordinal.</summary>
public class SearchFiguresTests
{
    [Fact]
    public void Figures_are_counted_and_ordered_with_ties_broken_ordinally()
    {
        TopKeywordRow Row(int month, string user, string keyword, string genre, string source) => new(month, user, keyword, 1, genre, source);
        var rows = new[]
        {
            Row(202207, "U1", "vtv3", "TV Channel", "rules"),
            Row(202206, "U1", "vtv3", "TV Channel", "rules"),
            Row(202206, "U2", "htv7", "TV Channel", "cache"),
            Row(202206, "U3", "doraemon", "Animation", "rules"),
            Row(202206, "U4", "conan", "Animation", "rules"),
            Row(202207, "U2", "vtv1", "TV Channel", "rules"),
            Row(202207, "U3", "a", "TV Channel", "llm"),
            Row(202207, "U4", "b", "TV Channel", "llm"),
            Row(202207, "U5", "running man", "Reality Show", "llm"),
        };

        var figures = SearchFigures.From(rows);

        Assert.Equal(
        [
            (202206, 4L, "Animation=2 TV Channel=2"),
            (202207, 5L, "TV Channel=4 Reality Show=1"),
        ], figures.Months.Select(m => (m.Month, m.Users, string.Join(' ', m.Genres.Select(g => $"{g.Name}={g.Count}")))));
        // TV Channel (6 users) first; its keywords: vtv3 (2), then the ties at 1 in ordinal order, three at most.
        Assert.Equal(
        [
            new GenreKeywordFigure("TV Channel", "vtv3", 2),
            new GenreKeywordFigure("TV Channel", "a", 1),
            new GenreKeywordFigure("TV Channel", "b", 1),
            new GenreKeywordFigure("Animation", "conan", 1),
            new GenreKeywordFigure("Animation", "doraemon", 1),
            new GenreKeywordFigure("Reality Show", "running man", 1),
        ], figures.TopKeywords);
        Assert.Equal([new NamedCount("rules", 5), new NamedCount("llm", 3), new NamedCount("cache", 1)], figures.Sources);
    }

    [Fact]
    public void No_rows_give_empty_figures()
    {
        var figures = SearchFigures.From([]);
        Assert.Empty(figures.Months);
        Assert.Empty(figures.TopKeywords);
        Assert.Empty(figures.Sources);
    }
}
