using System.Runtime.InteropServices;
using System.Text;
using Customer360.Domain.Content;
using Customer360.Domain.Sharding;

namespace Customer360.Domain.Search;

/// <summary>
/// Counts one day's searches per (trimmed user, normalised keyword): the search map step's state.
/// </summary>
/// <remarks>
/// Users and keywords get dense ids in the order they first appear: a user by its UTF-8 bytes in a
/// <see cref="Utf8KeyTable"/> (no string per user; the hash it keeps is the user's shard, and the bytes are what
/// the partial holds), a keyword by its normalised string; each row is one <c>(user, keyword)</c> id pair appended to a list. The first read of
/// the counts sorts the pairs once and run-length counts them: an 8-byte entry per row and two per distinct
/// pair, instead of a dictionary per user (a day has about as many users as rows, most searching once).
/// </remarks>
public sealed class SearchDayAggregator : ISearchRowSink, IDisposable
{
    /// <summary>The most rows <see cref="Expect"/> sizes a day for up front (a full-scale day has ≈310k).</summary>
    private const int MaxExpectedRows = 4_000_000;

    private Utf8KeyTable _users = new(4096);
    private readonly Dictionary<string, int> _keywordIds = new(StringComparer.Ordinal);
    private readonly List<string> _keywords = [];
    private List<ulong>? _pairs = [];
    private List<KeywordCount> _counts = [];
    private int[] _userStarts = [];

    /// <summary>Distinct users so far.</summary>
    public int UserCount => _users.Count;

    /// <summary>Releases the user table once the day's shards are written (an unpooled <see cref="Utf8KeyTable"/>: the day refuses use afterwards).</summary>
    public void Dispose() => _users.Dispose();

    /// <summary>Distinct users, by id, decoded (for inspection; the partial is written from <see cref="UserUtf8"/>).</summary>
    public IReadOnlyList<string> Users => [.. Enumerable.Range(0, _users.Count).Select(id => Encoding.UTF8.GetString(_users.KeyOf(id)))];

    /// <summary>The UTF-8 bytes of user <paramref name="user"/> (an id).</summary>
    public ReadOnlySpan<byte> UserUtf8(int user) => _users.KeyOf(user);

    /// <summary>Distinct keywords, by id.</summary>
    public IReadOnlyList<string> Keywords => _keywords;

    /// <summary>Sizes the user table and the row list for <paramref name="rows"/> rows (a day has about as many users as rows), while nothing is added yet.</summary>
    public void Expect(long rows)
    {
        if (_users.Count == 0 && _pairs is { Count: 0 } pairs)
        {
            int expected = (int)Math.Clamp(rows, 0, MaxExpectedRows);
            _users.Dispose();
            _users = new Utf8KeyTable(expected);
            pairs.Capacity = expected;
        }
    }

    public void Add(string userId, string keyword) => Add(Encoding.UTF8.GetBytes(userId), keyword);

    public void Add(ReadOnlySpan<byte> userUtf8, string keyword)
    {
        var pairs = _pairs ?? throw new InvalidOperationException("The day's counts were read; no more rows can be added.");
        int userId = _users.GetOrAdd(userUtf8);
        ref int keywordId = ref CollectionsMarshal.GetValueRefOrAddDefault(_keywordIds, keyword, out bool known);
        if (!known)
        {
            keywordId = _keywords.Count;
            _keywords.Add(keyword);
        }
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
