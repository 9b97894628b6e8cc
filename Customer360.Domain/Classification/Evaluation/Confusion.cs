namespace Customer360.Domain.Classification.Evaluation;

/// <summary>A labelled genre the classifier confused with another, how often, and a few of the keywords.</summary>
public sealed record Confusion(string Labelled, string Predicted, int Count, IReadOnlyList<string> Examples);
