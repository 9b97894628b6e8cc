namespace Customer360.Domain.Flow;

public sealed record StageTiming(string Stage, double Seconds);
