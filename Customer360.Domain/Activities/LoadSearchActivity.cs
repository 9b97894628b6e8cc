using Customer360.Domain.Classification;
using Customer360.Domain.Content;
using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using Customer360.Domain.Search;
using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>
/// Load: joins each user's top keyword with its genre (this run's batches first, then the cache),
/// builds the month-over-month trend, and writes <c>search_top_keyword</c>, <c>search_trend</c> and
/// <c>keyword_category</c> to every sink. A run restricted to months writes only their rows (<see cref="RunMonths"/>):
/// the month before each, read for the trend, keeps its own top-keyword files and MySQL rows as they were.
/// The shards' one reader, it also hands each user's latest search to <c>customer_360</c> (<see cref="Customer360Handoff"/>).
/// </summary>
public sealed class LoadSearchActivity(PipelineEnvironment environment) : IActivity<LoadSearchInput, StreamLoadResult>
{
    private const string CacheSource = "cache";

    public async Task<StreamLoadResult> RunAsync(LoadSearchInput input, CancellationToken cancellationToken)
    {
        // The step that holds the most live data: the map and reduce steps' kept tables go first.
        TablePool.Release();
        var months = new RunMonths(input.Months);
        // At full scale the top keywords, their genres and the trend are most of the step's memory, and the table
        // writers make garbage as large again: each phase holds only what is still to be written, so the rows
        // and the genre table are gone before the trend is written (BENCHMARKS.md, peak memory per step).
        var (topKeywords, side, trend, keywords) = await LoadTopKeywordsAsync(input, months, cancellationToken).ConfigureAwait(false);
        var trendTable = await environment.WriteTableAsync(SearchTables.FromTrend(trend), cancellationToken, new TableFigures(Trend: TrendFigures.From(trend))).ConfigureAwait(false);
        var keywordTable = await environment.WriteTableAsync(SearchTables.FromKeywordGenres(keywords), cancellationToken).ConfigureAwait(false);
        return new StreamLoadResult([topKeywords, trendTable, keywordTable], side);
    }

    /// <summary>
    /// Reads the classified top keywords; hands each user's latest search to <c>customer_360</c>; builds the trend and
    /// picks the written rows' keywords; writes <c>search_top_keyword</c>. Returns what is left to write.
    /// </summary>
    private async Task<(TableLoadResult TopKeywords, string Customer360Side, List<TrendRow> Trend, List<KeywordGenre> Keywords)> LoadTopKeywordsAsync(
        LoadSearchInput input, RunMonths months, CancellationToken cancellationToken)
    {
        var genres = await ReadGenresAsync(input, cancellationToken).ConfigureAwait(false);
        var read = await ReadClassifiedAsync(input.ShardResults, genres, cancellationToken).ConfigureAwait(false);
        // customer_360: the run's months, and of the month read before each only what completes a written trend pair.
        var side = await WriteCustomer360SideAsync(input.RunId, months.WrittenWithTrendContext(read), cancellationToken).ConfigureAwait(false);
        // The trend is built over every month read, then cut to the pairs of the run's months.
        var trend = TrendBuilder.Build(read);
        trend.RemoveAll(t => !months.Writes(t));
        var rows = months.IsAll ? read : read.Where(r => months.Writes(r.Month)).ToList();
        // The keywords of the written rows: the top keywords, and the earlier end of each trend pair (its later end is one of them).
        var used = rows.Select(r => r.MostSearch).Concat(trend.Select(t => t.MostSearchFrom)).ToHashSet(StringComparer.Ordinal);
        var keywords = genres.Values.Where(c => used.Contains(c.Keyword)).OrderBy(c => c.Keyword, StringComparer.Ordinal).ToList();
        var table = await environment.WriteTableAsync(SearchTables.FromTopKeywords(rows), cancellationToken, new TableFigures(Search: SearchFigures.From(rows))).ConfigureAwait(false);
        return (table, side, trend, keywords);
    }

    /// <summary>Each user's latest search, written for <c>customer_360</c> (<see cref="Customer360Handoff"/>); the dictionary is garbage on return.</summary>
    private async Task<string> WriteCustomer360SideAsync(string runId, IReadOnlyList<TopKeywordRow> rows, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, LatestSearch>(StringComparer.Ordinal);
        LatestSearch.AddUsers(rows, latest);
        return await new Customer360Handoff(environment.Work).WriteSearchSideAsync(runId, latest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every top-keyword row of the shards with its genre, in table order. The rows are read without a string per
    /// field: a row's keyword is its genre entry's (one string per distinct keyword, not one per row and shard),
    /// its user one per shard (a user's months are in one shard).
    /// </summary>
    private async Task<List<TopKeywordRow>> ReadClassifiedAsync(IReadOnlyList<string> shardResults, Dictionary<string, KeywordGenre> genres, CancellationToken cancellationToken)
    {
        var results = new ShardResultStore(environment.Work);
        var rows = new List<TopKeywordRow>(await results.CountSearchAsync(shardResults, cancellationToken).ConfigureAwait(false));
        var genreOf = genres.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var shard in shardResults)
        {
            var users = new StringPool();
            await results.ReadSearchEachAsync(shard, (month, userId, keyword, count) =>
            {
                var genre = genreOf.TryGetValue(keyword, out var g)
                    ? g
                    : throw new InvalidOperationException($"Keyword '{keyword}' was neither cached nor classified.");
                rows.Add(new TopKeywordRow(month, users.Get(userId), genre.Keyword, count, genre.Genre, genre.Source));
            }, cancellationToken).ConfigureAwait(false);
        }
        rows.Sort(TopKeywordRow.Order);
        return rows;
    }

    /// <summary>The genre of every keyword of the run: this run's batch results over the cached ones.</summary>
    private async Task<Dictionary<string, KeywordGenre>> ReadGenresAsync(LoadSearchInput input, CancellationToken cancellationToken)
    {
        var work = new ClassificationWork(environment.Work);
        var genres = new Dictionary<string, KeywordGenre>(StringComparer.Ordinal);
        // Genre, source, model and instructions repeat across hundreds of thousands of entries: one string each, not one per entry.
        var pool = new StringPool();
        KeywordGenre Compact(KeywordGenre entry, string source) =>
            entry with { Genre = pool.Get(entry.Genre), Source = pool.Get(source), Model = pool.Get(entry.Model), InstructionsVersion = pool.Get(entry.InstructionsVersion) };

        foreach (var cached in await work.ReadGenresAsync(input.CachedName, cancellationToken).ConfigureAwait(false))
        {
            genres[cached.Keyword] = Compact(cached, CacheSource);
        }
        // In batch order, as they were written: a keyword is in one batch only, but the order keeps that moot.
        foreach (var result in await work.ReadResultsAsync(input.BatchResults, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in result)
            {
                genres[entry.Keyword] = Compact(entry, entry.Source);
            }
        }
        return genres;
    }
}
