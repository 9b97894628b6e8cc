namespace Customer360.Domain.Search;

/// <summary>Receives each accepted search row from <see cref="SearchLogReader"/>: the trimmed user (valid during the call only) and the normalised keyword.</summary>
public interface ISearchRowSink
{
    void Add(ReadOnlySpan<char> user, string keyword);
}
