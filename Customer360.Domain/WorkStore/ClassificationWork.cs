using Customer360.Domain.Classification;
using Customer360.Domain.Storage;

namespace Customer360.Domain.WorkStore;

/// <summary>Classification's documents in a run's scratch: the cached genres taken, each batch's keywords and its result.</summary>
public sealed class ClassificationWork(IBlobStore work)
{
    /// <summary>
    /// Result documents read at once by <see cref="ReadResultsAsync"/>. The load needs every batch's result, and an
    /// LLM run of a month has thousands (one per request of 50 keywords): read one after another, each document's
    /// latency (a file open locally, a round trip to Blob Storage in Azure) added up to most of the load.
    /// </summary>
    public const int ResultReadParallelism = 8;

    public async Task<string> WriteCachedAsync(string runId, IReadOnlyList<KeywordGenre> cached, CancellationToken cancellationToken)
    {
        var name = WorkNames.CachedGenres(runId);
        await WorkStoreJson.WriteAsync(work, name, cached, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public Task WriteBatchAsync(string runId, int batch, IReadOnlyList<string> keywords, CancellationToken cancellationToken) =>
        WorkStoreJson.WriteAsync(work, WorkNames.ClassifyBatch(runId, batch), keywords, cancellationToken);

    public Task<string[]> ReadBatchAsync(string runId, int batch, CancellationToken cancellationToken) =>
        WorkStoreJson.ReadAsync<string[]>(work, WorkNames.ClassifyBatch(runId, batch), cancellationToken);

    public async Task<string> WriteResultAsync(string runId, int batch, IReadOnlyList<KeywordGenre> genres, CancellationToken cancellationToken)
    {
        var name = WorkNames.ClassifyResult(runId, batch);
        await WorkStoreJson.WriteAsync(work, name, genres, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>
    /// Every batch result, by the names their writers returned, in the order given (read concurrently, returned in
    /// order, so a caller that merges them gets the same answer as reading them one by one).
    /// </summary>
    public async Task<List<KeywordGenre>[]> ReadResultsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var results = new List<KeywordGenre>[names.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = ResultReadParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), options,
            async (i, ct) => results[i] = await ReadGenresAsync(names[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    /// <summary>A cached list or a batch result, by the name its writer returned.</summary>
    public Task<List<KeywordGenre>> ReadGenresAsync(string name, CancellationToken cancellationToken) =>
        WorkStoreJson.ReadAsync<List<KeywordGenre>>(work, name, cancellationToken);
}
