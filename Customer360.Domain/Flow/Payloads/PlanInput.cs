namespace Customer360.Domain.Flow;

public sealed record PlanInput(IReadOnlyList<int>? Months, PipelineStreams Streams);
