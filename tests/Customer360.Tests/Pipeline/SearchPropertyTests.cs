using Customer360.Domain.Classification;
using Customer360.Domain.Search;
using Customer360.Tests.Search;
using FsCheck.Xunit;

namespace Customer360.Tests.Pipeline;

/// <summary>Top keywords and trend do not depend on file order, shard count or parallelism, and match a LINQ model.</summary>
public class SearchPropertyTests
{
    private static readonly string[] Words = ["vtv3", "VTV3", " vtv3", "phim truyện", "phim truyen", "Phim  Truyện", "doraemon", "bóng đá", "running man", "a", "B"];

    [Property(MaxTest = 10)]
    public bool Search_tables_are_independent_of_file_order_shards_and_parallelism(int seed, byte shardSeed, byte parallelSeed)
    {
        var rng = new Random(seed);
        var rows = new List<(DateOnly Date, string User, string Keyword)>();
        for (int i = 0, n = rng.Next(150); i < n; i++)
        {
            rows.Add((new DateOnly(2022, 6 + rng.Next(3), 1 + rng.Next(28)), $"U{rng.Next(12)}", Words[rng.Next(Words.Length)]));
        }
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        foreach (var (day, index) in rows.GroupBy(r => r.Date).Select((g, i) => (g, i)))
        {
            // Alternate both layouts: YYYYMMDD/part.parquet and YYYYMMDD.parquet.
            var path = index % 2 == 0 ? Path.Combine(search, $"{day.Key:yyyyMMdd}", "part-0.parquet") : Path.Combine(search, $"{day.Key:yyyyMMdd}.parquet");
            SearchParquet.WriteAsync(path, day.Select(r => ((string?)r.User, (string?)r.Keyword)).ToList()).GetAwaiter().GetResult();
        }

        var expectedTop = rows
            .GroupBy(r => ((r.Date.Year * 100) + r.Date.Month, r.User))
            .Select(g =>
            {
                var best = g.GroupBy(r => KeywordNormalizer.Normalize(r.Keyword), StringComparer.Ordinal)
                    .Select(k => (Keyword: k.Key, Count: (long)k.Count()))
                    .OrderByDescending(k => k.Count).ThenBy(k => k.Keyword, StringComparer.Ordinal).First();
                return new TopKeywordRow(g.Key.Item1, g.Key.User, best.Keyword, best.Count, RuleBasedKeywordClassifier.Classify(best.Keyword), "rules");
            })
            .OrderBy(r => r.Month).ThenBy(r => r.UserId, StringComparer.Ordinal)
            .ToList();
        var expectedTrend = TrendBuilder.Build(expectedTop);

        var tables = PipelineHarness.Run(new PipelineHarness.Sources(null, search), temp.Sub("out"), 1 + (shardSeed % 7), 1 + (parallelSeed % 4), seed);
        if (rows.Count == 0)
        {
            return !tables.ContainsKey(SearchTables.TopKeyword);
        }
        var top = tables[SearchTables.TopKeyword];
        var actualTop = Enumerable.Range(0, top.RowCount).Select(i => new TopKeywordRow(
            (int)top.Columns[0].GetValue(i)!, (string)top.Columns[1].GetValue(i)!, (string)top.Columns[2].GetValue(i)!,
            (long)top.Columns[3].GetValue(i)!, (string)top.Columns[4].GetValue(i)!, (string)top.Columns[5].GetValue(i)!)).ToList();
        var trend = tables[SearchTables.Trend];
        var actualTrend = Enumerable.Range(0, trend.RowCount).Select(i => string.Join('|', trend.Columns.Select(c => c.GetValue(i)))).ToList();
        var expectedTrendText = expectedTrend.Select(t => string.Join('|', t.MonthFrom, t.MonthTo, t.UserId, t.MostSearchFrom, t.GenreFrom, t.MostSearchTo, t.GenreTo, t.TrendingType, t.Previous)).ToList();
        return expectedTop.SequenceEqual(actualTop) && expectedTrendText.SequenceEqual(actualTrend);
    }
}
