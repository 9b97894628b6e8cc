using Customer360.Domain.Classification;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using Customer360.Domain.Search;

namespace Customer360.Domain.Activities;

/// <summary>
/// Load: joins each user's top keyword with its category (this run's batches first, then the cache),
/// builds the month-over-month trend, and writes <c>search_top_keyword</c>, <c>search_trend</c> and
/// <c>keyword_category</c> to every sink. A run restricted to months writes only their rows (<see cref="RunMonths"/>):
/// the month before each, read for the trend, keeps its own top-keyword files and MySQL rows as they were.
/// </summary>
public sealed class LoadSearchActivity(PipelineEnvironment environment) : IActivity<LoadSearchInput, IReadOnlyList<TableLoadResult>>
{
    public const string CacheSource = "cache";

    public async Task<IReadOnlyList<TableLoadResult>> RunAsync(LoadSearchInput input, CancellationToken cancellationToken)
    {
        var (read, categories) = await ReadRowsAsync(environment, input, cancellationToken).ConfigureAwait(false);
        var months = new RunMonths(input.Months);
        // The trend is built over every month read, then cut to the pairs of the run's months.
        var trend = TrendBuilder.Build(read).Where(months.Writes).ToList();
        var rows = months.IsAll ? read : read.Where(r => months.Writes(r.Month)).ToList();
        // The keywords of the written rows: the top keywords, and the earlier end of each trend pair (its later end is one of them).
        var used = rows.Select(r => r.MostSearch).Concat(trend.Select(t => t.MostSearchFrom)).ToHashSet(StringComparer.Ordinal);
        var keywords = categories.Values.Where(c => used.Contains(c.Keyword)).OrderBy(c => c.Keyword, StringComparer.Ordinal).ToList();
        return
        [
            await environment.WriteTableAsync(SearchTables.FromTopKeywords(rows), cancellationToken, new TableFigures(Search: SearchFigures.From(rows))).ConfigureAwait(false),
            await environment.WriteTableAsync(SearchTables.FromTrend(trend), cancellationToken, new TableFigures(Trend: TrendFigures.From(trend))).ConfigureAwait(false),
            await environment.WriteTableAsync(SearchTables.FromKeywordCategories(keywords), cancellationToken).ConfigureAwait(false),
        ];
    }

    /// <summary>Every classified top-keyword row the shards hold, in table order, and the category of every keyword of the run.</summary>
    private static async Task<(List<TopKeywordRow> Rows, Dictionary<string, KeywordCategory> Categories)> ReadRowsAsync(
        PipelineEnvironment environment, LoadSearchInput input, CancellationToken cancellationToken)
    {
        var categories = await ReadCategoriesAsync(environment, input, cancellationToken).ConfigureAwait(false);
        var rows = new List<TopKeywordRow>();
        foreach (var shard in input.ShardResults)
        {
            rows.AddRange(await ReadClassifiedShardAsync(environment, shard, categories, cancellationToken).ConfigureAwait(false));
        }
        rows.Sort(TopKeywordRow.Order);
        return (rows, categories);
    }

    /// <summary>The category of every keyword of the run: this run's batch results over the cached ones.</summary>
    internal static async Task<Dictionary<string, KeywordCategory>> ReadCategoriesAsync(
        PipelineEnvironment environment, LoadSearchInput input, CancellationToken cancellationToken)
    {
        var categories = new Dictionary<string, KeywordCategory>(StringComparer.Ordinal);
        foreach (var cached in await WorkStoreJson.ReadAsync<List<KeywordCategory>>(environment.Work, input.CachedName, cancellationToken).ConfigureAwait(false))
        {
            categories[cached.Keyword] = cached with { Source = CacheSource };
        }
        foreach (var name in input.BatchResults)
        {
            foreach (var entry in await WorkStoreJson.ReadAsync<List<KeywordCategory>>(environment.Work, name, cancellationToken).ConfigureAwait(false))
            {
                categories[entry.Keyword] = entry;
            }
        }
        return categories;
    }

    /// <summary>One shard's top-keyword rows with their categories (a shard holds all of its users' months).</summary>
    internal static async Task<List<TopKeywordRow>> ReadClassifiedShardAsync(
        PipelineEnvironment environment, string shardResult, Dictionary<string, KeywordCategory> categories, CancellationToken cancellationToken)
    {
        var tops = await ReduceSearchShardActivity.ReadAllAsync(environment, [shardResult], cancellationToken).ConfigureAwait(false);
        return tops.ConvertAll(t =>
        {
            var category = categories.TryGetValue(t.Keyword, out var c)
                ? c
                : throw new InvalidOperationException($"Keyword '{t.Keyword}' was neither cached nor classified.");
            return new TopKeywordRow(t.Month, t.UserId, t.Keyword, t.Count, category.Category, category.Source);
        });
    }
}
