namespace Customer360.Domain.WorkStore;

/// <summary>What <see cref="MapPartialStore.WriteOnceAsync"/> wrote: the keys, the map's statistics, the time taken.</summary>
/// <param name="Committed">False when the source changed under the map: the shards are empty and no manifest was written.</param>
public sealed record WrittenPartial<TStats>(int Keys, TStats Stats, bool Committed, double Seconds);
