using Customer360.Domain.Content;
using Customer360.Domain.Search;
using Customer360.Domain.Storage;

namespace Customer360.Domain.WorkStore;

/// <summary>
/// The reduce steps' results in a run's scratch: a content shard's profile rows; a search shard's top keywords
/// and, next to them, the shard's distinct keywords (so classification planning never reads the rows).
/// </summary>
public sealed class ShardResultStore(IBlobStore work)
{
    public async Task<string> WriteContentAsync(string runId, int shard, IReadOnlyCollection<ContentProfileRow> rows, CancellationToken cancellationToken)
    {
        var name = WorkNames.ShardResult(runId, WorkNames.ContentStream, shard);
        await work.WriteAsync(name, (s, _) =>
        {
            ContentProfileRowFormat.Write(s, rows);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Every row of the given content shard results, in the order given.</summary>
    public Task<List<ContentProfileRow>> ReadContentAsync(IEnumerable<string> names, CancellationToken cancellationToken) =>
        work.ReadAllAsync<ContentProfileRow>(names, ContentProfileRowFormat.ReadInto, cancellationToken);

    /// <returns>The shard result's name and its keyword list's name.</returns>
    public async Task<(string Result, string Keywords)> WriteSearchAsync(string runId, int shard, ShardTopKeywords top, CancellationToken cancellationToken)
    {
        var name = WorkNames.ShardResult(runId, WorkNames.SearchStream, shard);
        await work.WriteAsync(name, (s, _) =>
        {
            top.WriteTo(s);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        var keywords = WorkNames.ShardKeywords(runId, shard);
        await WorkStoreJson.WriteAsync(work, keywords, top.Keywords, cancellationToken).ConfigureAwait(false);
        return (name, keywords);
    }

    /// <summary>Every top-keyword row of the given search shard results, in the order given.</summary>
    public Task<List<UserTopKeyword>> ReadSearchAsync(IEnumerable<string> names, CancellationToken cancellationToken) =>
        work.ReadAllAsync<UserTopKeyword>(names, UserTopKeyword.ReadAll, cancellationToken);

    /// <summary>The number of top-keyword rows the given search shard results hold together.</summary>
    public async Task<int> CountSearchAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        int count = 0;
        foreach (var name in names)
        {
            var stream = await work.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                count += UserTopKeyword.ReadCount(stream);
            }
        }
        return count;
    }

    /// <summary>Each top-keyword row of one search shard result, in its order (<see cref="UserTopKeyword.ReadEach"/>).</summary>
    public async Task ReadSearchEachAsync(string name, UserTopKeyword.RowVisitor visit, CancellationToken cancellationToken)
    {
        var stream = await work.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            UserTopKeyword.ReadEach(stream, visit);
        }
    }

    /// <summary>The distinct keywords of the given shard keyword lists, in ordinal order.</summary>
    public async Task<List<string>> ReadDistinctKeywordsAsync(IEnumerable<string> keywordLists, CancellationToken cancellationToken)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in keywordLists)
        {
            distinct.UnionWith(await WorkStoreJson.ReadAsync<List<string>>(work, name, cancellationToken).ConfigureAwait(false));
        }
        return [.. distinct.Order(StringComparer.Ordinal)];
    }
}
