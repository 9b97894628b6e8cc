using System.Runtime.InteropServices;

namespace Customer360.Domain.Search;

/// <summary>
/// Counts one day's searches per (trimmed user, normalised keyword): the search map step's state.
/// </summary>
/// <remarks>
/// Users and keywords get dense ids in the order they first appear (a string per distinct user, found by its
/// span, so none per row); each row is one <c>(user, keyword)</c> id pair appended to a list. The first read of
/// the counts sorts the pairs once and run-length counts them: an 8-byte entry per row and two per distinct
/// pair, instead of a dictionary per user (a day has about as many users as rows, most searching once).
/// </remarks>
public sealed class SearchDayAggregator : ISearchRowSink
{
    private readonly Dictionary<string, int> _userIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _userLookup;
    private readonly List<string> _users = [];
    private readonly Dictionary<string, int> _keywordIds = new(StringComparer.Ordinal);
    private readonly List<string> _keywords = [];
    private List<ulong>? _pairs = [];
    private List<KeywordCount> _counts = [];
    private int[] _userStarts = [];

    public SearchDayAggregator() => _userLookup = _userIds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Distinct users, by id.</summary>
    public IReadOnlyList<string> Users => _users;

    /// <summary>Distinct keywords, by id.</summary>
    public IReadOnlyList<string> Keywords => _keywords;

    public void Add(string userId, string keyword) => Add(userId.AsSpan(), keyword);

    public void Add(ReadOnlySpan<char> user, string keyword)
    {
        var pairs = _pairs ?? throw new InvalidOperationException("The day's counts were read; no more rows can be added.");
        if (!_userLookup.TryGetValue(user, out int userId))
        {
            userId = _users.Count;
            var name = new string(user);
            _userIds.Add(name, userId);
            _users.Add(name);
        }
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
            groups[Sharding.ShardHash.ShardOf(_users[user], shards)].Add(user);
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
