namespace Customer360.Domain.Flow;

public sealed record ContentShardResult(int Shard, string ResultName, int Rows, double Seconds);
