namespace Customer360.Domain.Classification.Evaluation;

/// <summary>One row of a labelled set: a normalised keyword and the genre we decided for it.</summary>
public sealed record LabelledKeyword(string Keyword, string Genre);
