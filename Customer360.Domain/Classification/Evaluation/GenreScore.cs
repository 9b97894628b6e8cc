namespace Customer360.Domain.Classification.Evaluation;

/// <summary>Precision and recall of one genre over a labelled set.</summary>
/// <param name="Labelled">Keywords labelled with this genre (the support).</param>
/// <param name="Predicted">Keywords the classifier put in this genre.</param>
/// <param name="Correct">Keywords both labelled and predicted with this genre.</param>
public sealed record GenreScore(string Genre, int Labelled, int Predicted, int Correct)
{
    /// <summary>Correct / Predicted; null when nothing was predicted.</summary>
    public double? Precision => Predicted == 0 ? null : (double)Correct / Predicted;

    /// <summary>Correct / Labelled; null when nothing is labelled with it.</summary>
    public double? Recall => Labelled == 0 ? null : (double)Correct / Labelled;
}
