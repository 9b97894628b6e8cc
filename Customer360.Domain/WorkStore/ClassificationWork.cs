using Customer360.Domain.Classification;
using Customer360.Domain.Storage;

namespace Customer360.Domain.WorkStore;

/// <summary>Classification's documents in a run's scratch: the cached categories taken, each batch's keywords and its result.</summary>
public sealed class ClassificationWork(IBlobStore work)
{
    public async Task<string> WriteCachedAsync(string runId, IReadOnlyList<KeywordCategory> cached, CancellationToken cancellationToken)
    {
        var name = WorkNames.CachedCategories(runId);
        await WorkStoreJson.WriteAsync(work, name, cached, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public Task WriteBatchAsync(string runId, int batch, IReadOnlyList<string> keywords, CancellationToken cancellationToken) =>
        WorkStoreJson.WriteAsync(work, WorkNames.ClassifyBatch(runId, batch), keywords, cancellationToken);

    public Task<string[]> ReadBatchAsync(string runId, int batch, CancellationToken cancellationToken) =>
        WorkStoreJson.ReadAsync<string[]>(work, WorkNames.ClassifyBatch(runId, batch), cancellationToken);

    public async Task<string> WriteResultAsync(string runId, int batch, IReadOnlyList<KeywordCategory> categories, CancellationToken cancellationToken)
    {
        var name = WorkNames.ClassifyResult(runId, batch);
        await WorkStoreJson.WriteAsync(work, name, categories, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>A cached list or a batch result, by the name its writer returned.</summary>
    public Task<List<KeywordCategory>> ReadCategoriesAsync(string name, CancellationToken cancellationToken) =>
        WorkStoreJson.ReadAsync<List<KeywordCategory>>(work, name, cancellationToken);
}
