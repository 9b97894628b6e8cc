namespace Customer360.Domain.Classification.Evaluation;

/// <summary>What <see cref="ClassifierEvaluation"/> measured.</summary>
public sealed record EvaluationResult(
    string Classifier,
    int Keywords,
    int Correct,
    IReadOnlyList<GenreScore> Genres,
    IReadOnlyList<Confusion> Confusions,
    ClassificationUsage Usage,
    ModelPrices Prices,
    double Seconds)
{
    public double Accuracy => Keywords == 0 ? 0 : (double)Correct / Keywords;

    public decimal EstimatedCost => Prices.Cost(Usage.InputTokens, Usage.OutputTokens);
}
