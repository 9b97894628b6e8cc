namespace Customer360.Domain.Search;

/// <summary>Receives each accepted search row from <see cref="SearchLogReader"/>: the trimmed user as UTF-8 (valid during the call only) and the normalised keyword.</summary>
public interface ISearchRowSink
{
    /// <summary>The file's row count, before its first row: a sink can size its tables once instead of growing them row by row.</summary>
    void Expect(long rows)
    {
    }

    void Add(ReadOnlySpan<byte> userUtf8, string keyword);
}
