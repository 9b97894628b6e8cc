namespace Customer360.Domain.Storage;

/// <summary>An object's identity: a changed ETag means changed content.</summary>
public sealed record StoredObject(string Name, long Size, string ETag);
