using System.Runtime.InteropServices;
using System.Text;
using Customer360.Domain.Content;
using Customer360.Domain.Sharding;

namespace Customer360.Domain.Search;

/// <summary>
/// Counts one day's searches per (trimmed user, normalised keyword): the search map step's state.
/// </summary>
/// <remarks>
/// Users and keywords get dense ids in the order they first appear, each by its UTF-8 bytes in a
/// <see cref="Utf8KeyTable"/> (no string per user or keyword; a user's kept hash is its shard, and the bytes are what
/// the partial holds); each row is one <c>(user, keyword)</c> id pair appended to a list. The first read of
/// the counts sorts the pairs once and run-length counts them: an 8-byte entry per row and two per distinct
/// pair, instead of a dictionary per user (a day has about as many users as rows, most searching once).
/// </remarks>
public sealed class SearchDayAggregator : ISearchRowSink, IDisposable
{
    /// <summary>The most rows <see cref="Expect"/> sizes a day for up front (a full-scale day has ≈310k).</summary>
    private const int MaxExpectedRows = 4_000_000;

    // Pooled (TablePool): one day per map step.
    private Utf8KeyTable _users = new(4096, pooled: true);
    private readonly Utf8KeyTable _keywords = new(1024, pooled: true);
    private List<ulong>? _pairs = [];
    private List<KeywordCount> _counts = [];
    private int[] _userStarts = [];

    /// <summary>Distinct users so far.</summary>
    public int UserCount => _users.Count;

    /// <summary>Gives the tables back to the pool once the day's shards are written; the day refuses use afterwards.</summary>
    public void Dispose()
    {
        _users.Dispose();
        _keywords.Dispose();
    }

    /// <summary>Distinct users, by id, decoded (for inspection; the partial is written from <see cref="UserUtf8"/>).</summary>
    public IReadOnlyList<string> Users => [.. Enumerable.Range(0, _users.Count).Select(id => Encoding.UTF8.GetString(_users.KeyOf(id)))];

    /// <summary>The UTF-8 bytes of user <paramref name="user"/> (an id).</summary>
    public ReadOnlySpan<byte> UserUtf8(int user) => _users.KeyOf(user);

    /// <summary>Distinct keywords, by id, decoded (for inspection; the partial is written from <see cref="KeywordUtf8"/>).</summary>
    public IReadOnlyList<string> Keywords => [.. Enumerable.Range(0, _keywords.Count).Select(id => Encoding.UTF8.GetString(_keywords.KeyOf(id)))];

    /// <summary>How many distinct keywords the day has (ids run below this).</summary>
    public int KeywordCount => _keywords.Count;

    /// <summary>The normalised UTF-8 of keyword <paramref name="keyword"/> (an id).</summary>
    public ReadOnlySpan<byte> KeywordUtf8(int keyword) => _keywords.KeyOf(keyword);

    /// <summary>Sizes the user table and the row list for <paramref name="rows"/> rows (a day has about as many users as rows), while nothing is added yet.</summary>
    public void Expect(long rows)
    {
        if (_users.Count == 0 && _pairs is { Count: 0 } pairs)
        {
            int expected = (int)Math.Clamp(rows, 0, MaxExpectedRows);
            _users.Dispose();
            _users = new Utf8KeyTable(expected, pooled: true);
            pairs.Capacity = expected;
        }
    }

    /// <summary>One row of a user and an already normalised keyword, as strings.</summary>
    public void Add(string userId, string keyword) => Add(Encoding.UTF8.GetBytes(userId), KeywordId(Encoding.UTF8.GetBytes(keyword)));

    public int KeywordId(ReadOnlySpan<byte> keywordUtf8) => _keywords.GetOrAdd(keywordUtf8);

    public void Add(ReadOnlySpan<byte> userUtf8, int keywordId)
    {
        var pairs = _pairs ?? throw new InvalidOperationException("The day's counts were read; no more rows can be added.");
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)keywordId, (uint)_keywords.Count, nameof(keywordId));
        int userId = _users.GetOrAdd(userUtf8);
        pairs.Add(((ulong)(uint)userId << 32) | (uint)keywordId);
    }

    /// <summary>The keyword counts of user <paramref name="user"/> (an id), by keyword id ascending.</summary>
    public ReadOnlySpan<KeywordCount> CountsOf(int user)
    {
        Seal();
        return CollectionsMarshal.AsSpan(_counts)[_userStarts[user].._userStarts[user + 1]];
    }

    /// <summary>User ids grouped by the shard of the user (<see cref="Sharding.ShardHash"/>), each group in id order.</summary>
    public List<int>[] UsersByShard(int shards)
    {
        var groups = new List<int>[shards];
        for (int i = 0; i < shards; i++)
        {
            groups[i] = [];
        }
        for (int user = 0; user < _users.Count; user++)
        {
            groups[ShardHash.ShardOf(_users.HashOf(user), shards)].Add(user);
        }
        return groups;
    }

    private void Seal()
    {
        if (_pairs is not { } pairs)
        {
            return;
        }
        _pairs = null;
        var span = CollectionsMarshal.AsSpan(pairs);
        span.Sort();
        _userStarts = new int[_users.Count + 1];
        _counts = new List<KeywordCount>(Math.Min(span.Length, _users.Count * 2));
        int i = 0;
        while (i < span.Length)
        {
            ulong pair = span[i];
            int run = 1;
            while (i + run < span.Length && span[i + run] == pair)
            {
                run++;
            }
            int user = (int)(pair >> 32);
            _counts.Add(new KeywordCount((int)(uint)pair, run));
            _userStarts[user + 1] = _counts.Count;
            i += run;
        }
        // Every user has at least one row, so each start was set; the loop above leaves none behind.
    }
}
