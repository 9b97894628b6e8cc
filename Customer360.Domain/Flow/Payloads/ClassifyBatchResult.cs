using Customer360.Domain.Classification;

namespace Customer360.Domain.Flow;

public sealed record ClassifyBatchResult(string BatchName, string ResultName, int Keywords, ClassificationUsage Usage, double Seconds);
