namespace Customer360.Domain.Classification;

/// <summary>
/// The persistent keyword → category cache that makes reruns free: a JSON file in the work folder in
/// embedded mode, the <c>keyword_category</c> table when MySQL is configured. Keys are normalised keywords,
/// compared ordinally (accent-sensitive).
/// </summary>
public interface IKeywordCache
{
    Task<IReadOnlyDictionary<string, KeywordCategory>> GetManyAsync(IReadOnlyCollection<string> keywords, CancellationToken cancellationToken);

    /// <summary>Adds or replaces entries. Safe to call concurrently from several classification steps.</summary>
    Task PutManyAsync(IReadOnlyCollection<KeywordCategory> entries, CancellationToken cancellationToken);
}
