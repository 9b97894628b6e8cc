namespace Customer360.Domain.Search;

/// <summary>
/// Receives each accepted search row from <see cref="SearchLogReader"/>: the trimmed user as UTF-8 (valid during the
/// call only) and the normalised keyword by the id the sink gave it (<see cref="KeywordId"/>), so a keyword seen on
/// many rows (a dictionary entry) is looked up once.
/// </summary>
public interface ISearchRowSink
{
    /// <summary>The file's row count, before its first row: a sink can size its tables once instead of growing them row by row.</summary>
    void Expect(long rows)
    {
    }

    /// <summary>The sink's id for a normalised, non-empty keyword (UTF-8, valid during the call only): the same id for the same bytes.</summary>
    int KeywordId(ReadOnlySpan<byte> keywordUtf8);

    void Add(ReadOnlySpan<byte> userUtf8, int keywordId);
}
