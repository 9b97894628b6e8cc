namespace Customer360.Domain.Classification;

/// <summary>A keyword and the genre a classifier gave it (<c>Genre</c> is the search genre, one of the closed set).</summary>
/// <param name="Source"><c>llm</c>, <c>rules</c> or <c>fallback</c>.</param>
public sealed record KeywordClassification(string Keyword, string Genre, string Source);
