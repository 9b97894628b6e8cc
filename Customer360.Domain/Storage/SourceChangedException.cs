namespace Customer360.Domain.Storage;

/// <summary>
/// A source file is no longer the version the run planned with: it disappeared, or was replaced (its
/// ETag changed) before or while it was read. The map step reports it instead of reading a version the
/// plan never saw, so one run never mixes an old and a new version of a file.
/// </summary>
public sealed class SourceChangedException : IOException
{
    public SourceChangedException(string message)
        : base(message)
    {
    }

    public SourceChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceChangedException()
    {
    }

    public static SourceChangedException Disappeared(string name, Exception? inner = null) =>
        new($"'{name}' disappeared after the run was planned; it was not read (a rerun plans without it).", inner ?? new FileNotFoundException(name));

    public static SourceChangedException Replaced(string name, string plannedETag, Exception? inner = null) =>
        new($"'{name}' was replaced after the run was planned (planned version {plannedETag}); it was not read, so no partial mixes two versions (a rerun reads the new one).", inner ?? new IOException(name));
}
