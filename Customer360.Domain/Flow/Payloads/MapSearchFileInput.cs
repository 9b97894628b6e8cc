namespace Customer360.Domain.Flow;

public sealed record MapSearchFileInput(SourceFile File, int Shards);
