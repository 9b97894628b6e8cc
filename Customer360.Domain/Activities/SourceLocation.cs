using Customer360.Domain.Storage;

namespace Customer360.Domain.Activities;

/// <summary>Where a stream's files are: a store and the name prefix under which they sit.</summary>
public sealed record SourceLocation(IBlobStore Store, string Prefix);
