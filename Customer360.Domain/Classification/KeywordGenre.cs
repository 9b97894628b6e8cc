using System.Text.Json.Serialization;

namespace Customer360.Domain.Classification;

/// <summary>A keyword's classification as remembered across runs (the <c>keyword_category</c> table).</summary>
/// <param name="Genre">The search genre, one of <see cref="Genres.All"/>. Serialised as <c>category</c>, the design's column name,
/// so the keyword cache files written before the rename (and after) read the same.</param>
/// <param name="Source"><c>llm</c> or <c>rules</c>. Fallbacks are never cached, so they are retried next run.</param>
/// <param name="InstructionsVersion">The classifier's <see cref="IKeywordClassifier.InstructionsVersion"/> when it decided; empty for entries older than the column.</param>
public sealed record KeywordGenre(string Keyword, [property: JsonPropertyName("category")] string Genre, string Source, string Model, DateTimeOffset ClassifiedAtUtc, string InstructionsVersion = "")
{
    /// <summary>Whether <paramref name="classifier"/> would decide this entry afresh: another model, or other instructions.</summary>
    public bool IsStaleFor(IKeywordClassifier classifier) =>
        !string.Equals(Model, classifier.Model, StringComparison.Ordinal) || !string.Equals(InstructionsVersion, classifier.InstructionsVersion, StringComparison.Ordinal);
}
