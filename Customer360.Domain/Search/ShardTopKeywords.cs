using Customer360.Domain.Content;
using Customer360.Domain.Storage;

namespace Customer360.Domain.Search;

/// <summary>
/// A search shard's result as its reduce picked it (<see cref="SearchShardReducer.TopKeywords"/>): each user's top
/// keyword per month in <see cref="UserTopKeyword.Order"/>, held as the reducer's ids and written from their UTF-8
/// (no string per user), and the distinct top keywords in ordinal order. Valid while the reducer is not disposed.
/// </summary>
public sealed class ShardTopKeywords
{
    private readonly List<Row> _rows;
    private readonly Utf8KeyTable _users;
    private readonly Utf8KeyTable _keywords;

    internal ShardTopKeywords(List<Row> rows, Utf8KeyTable users, Utf8KeyTable keywords, List<string> distinctKeywords)
    {
        _rows = rows;
        _users = users;
        _keywords = keywords;
        Keywords = distinctKeywords;
    }

    /// <summary>How many rows (user-months) the result has.</summary>
    public int Count => _rows.Count;

    /// <summary>The distinct top keywords, in ordinal order (what classification planning reads).</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>Writes the rows in the shard result format (<see cref="UserTopKeyword.ReadAll"/> reads it).</summary>
    public void WriteTo(Stream stream)
    {
        using var writer = new PartialBlockWriter(16 + (_rows.Count * 32));
        UserTopKeyword.WriteCount(writer, _rows.Count);
        foreach (var row in _rows)
        {
            UserTopKeyword.WriteRow(writer, row.Month, _users.KeyOf(row.User), _keywords.KeyOf(row.Keyword), row.Count);
        }
        writer.CopyTo(stream);
    }

    /// <summary>The rows as objects (for inspection; the pipeline writes them with <see cref="WriteTo"/>).</summary>
    public List<UserTopKeyword> ToList()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        stream.Position = 0;
        var rows = new List<UserTopKeyword>(Count);
        UserTopKeyword.ReadAll(stream, rows);
        return rows;
    }

    /// <summary>One user-month: the month, the reducer's user and keyword ids, the summed count.</summary>
    internal readonly record struct Row(int Month, int User, int Keyword, long Count);
}
