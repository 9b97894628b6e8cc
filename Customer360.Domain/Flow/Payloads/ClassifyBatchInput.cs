namespace Customer360.Domain.Flow;

/// <param name="Batch">The batch's number in the run's <see cref="ClassificationPlan"/>; the work store names its keywords and result.</param>
public sealed record ClassifyBatchInput(string RunId, int Batch);
