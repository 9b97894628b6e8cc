namespace Customer360.Domain.Classification;

/// <summary>
/// The persistent keyword → genre cache that makes reruns free: a JSON file in the work folder in
/// embedded mode, the <c>keyword_category</c> table when MySQL is configured. Keys are normalised keywords,
/// compared ordinally (accent-sensitive).
/// </summary>
public interface IKeywordCache
{
    Task<IReadOnlyDictionary<string, KeywordGenre>> GetManyAsync(IReadOnlyCollection<string> keywords, CancellationToken cancellationToken);

    /// <summary>Adds or replaces entries. Safe to call concurrently from several classification steps.</summary>
    Task PutManyAsync(IReadOnlyCollection<KeywordGenre> entries, CancellationToken cancellationToken);
}
