namespace Customer360.Domain.Flow;

public sealed record MapContentFileInput(SourceFile File, int Shards);
