using System.Text;
using Customer360.Domain.Content;

namespace Customer360.Domain.Search;

/// <summary>
/// The search reduce step's state: every day's partial of one shard, then each user's top keyword per month
/// (<see cref="UserTopKeyword.Pick"/>'s rule: highest count, ties → the ordinal-smallest keyword). Users and
/// keywords become dense ids by their UTF-8 as partials are read (a keyword looked up once per partial through the
/// partial's table; no string per user at all, one per distinct top keyword at the end); every (month, user,
/// keyword, count) is one 16-byte entry. At the end the entries are sorted once by (month, user, keyword), ranked ordinally, so equal
/// pairs from different days are adjacent and summed, and a user's keywords come in tie-break order.
/// </summary>
public sealed class SearchShardReducer : IDisposable
{
    // Key layout: month rank (8 bits) | user (28 bits) | keyword (28 bits); ids while reading, ordinal ranks once sorted.
    private const int IdBits = 28;
    private const int MaxIds = 1 << IdBits;
    private const ulong IdMask = MaxIds - 1;

    private readonly Dictionary<int, int> _monthIds = [];
    private readonly List<int> _months = [];
    // Straight from the partials' UTF-8 (one cache line per lookup, no decoding per user and day); pooled (TablePool), as the entries.
    private readonly Utf8KeyTable _userIds = new(pooled: true);
    private readonly Utf8KeyTable _keywordIds = new(pooled: true);
    private ulong[] _keys = TablePool.Rent<ulong>(1 << 12);
    private long[] _counts = TablePool.Rent<long>(1 << 12);
    private int _entries;

    /// <summary>Gives the tables back to the pools; the reducer refuses use afterwards.</summary>
    public void Dispose()
    {
        _userIds.Dispose();
        _keywordIds.Dispose();
        TablePool.Return(_keys);
        TablePool.Return(_counts);
        _keys = [];
        _counts = [];
    }

    /// <summary>Adds one day's partial of this shard (<see cref="SearchPartialFormat"/>).</summary>
    public void Add(Stream partial) => SearchPartialFormat.Read(partial, new Target(this));

    /// <summary>Each user's top keyword per month, in <see cref="UserTopKeyword.Order"/> (valid while this reducer is not disposed).</summary>
    public ShardTopKeywords TopKeywords()
    {
        var monthRank = Ranks(_months, Comparer<int>.Default);
        var userRank = Utf8OrdinalOrder.Ranks(_userIds);
        var keywordRank = Utf8OrdinalOrder.Ranks(_keywordIds);
        var userOfRank = Inverse(userRank);
        var keywordOfRank = Inverse(keywordRank);
        var monthOfRank = Inverse(monthRank);
        var keys = _keys.AsSpan(0, _entries);
        var counts = _counts.AsSpan(0, _entries);
        for (int i = 0; i < keys.Length; i++)
        {
            ulong key = keys[i];
            keys[i] = ((ulong)monthRank[(int)(key >> (2 * IdBits))] << (2 * IdBits))
                | ((ulong)userRank[(int)((key >> IdBits) & IdMask)] << IdBits)
                | (uint)keywordRank[(int)(key & IdMask)];
        }
        keys.Sort(counts);

        var rows = new List<ShardTopKeywords.Row>();
        var isTop = new bool[keywordRank.Length];
        for (int start = 0; start < keys.Length;)
        {
            ulong monthUser = keys[start] >> IdBits;
            int bestKeyword = 0;
            long bestCount = long.MinValue;
            int end = start;
            while (end < keys.Length && keys[end] >> IdBits == monthUser)
            {
                // One keyword's counts from every day, summed; keywords come in ordinal order, so only a
                // strictly higher count replaces the best (ties keep the ordinal-smallest).
                ulong key = keys[end];
                long count = 0;
                for (; end < keys.Length && keys[end] == key; end++)
                {
                    count += counts[end];
                }
                if (count > bestCount)
                {
                    bestCount = count;
                    bestKeyword = (int)(key & IdMask);
                }
            }
            isTop[bestKeyword] = true;
            rows.Add(new ShardTopKeywords.Row(_months[monthOfRank[(int)(monthUser >> IdBits)]], userOfRank[(int)(monthUser & IdMask)],
                keywordOfRank[bestKeyword], bestCount));
            start = end;
        }
        // In rank order: the distinct top keywords come out sorted.
        var topKeywords = new List<string>();
        for (int rank = 0; rank < isTop.Length; rank++)
        {
            if (isTop[rank])
            {
                topKeywords.Add(Encoding.UTF8.GetString(_keywordIds.KeyOf(keywordOfRank[rank])));
            }
        }
        return new ShardTopKeywords(rows, _userIds, _keywordIds, topKeywords);
    }

    private static int[] Ranks<T>(List<T> values, IComparer<T> comparer)
    {
        var order = new int[values.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var sorted = values.ToArray();
        Array.Sort(sorted, order, comparer);
        return Inverse(order);
    }

    private static int[] Inverse(int[] permutation)
    {
        var inverse = new int[permutation.Length];
        for (int i = 0; i < permutation.Length; i++)
        {
            inverse[permutation[i]] = i;
        }
        return inverse;
    }

    private void Append(ulong key, long count)
    {
        if (_entries == _keys.Length)
        {
            _keys = Grow(_keys);
            _counts = Grow(_counts);
        }
        _keys[_entries] = key;
        _counts[_entries++] = count;
    }

    private static T[] Grow<T>(T[] array)
    {
        var bigger = TablePool.Rent<T>(array.Length * 2);
        array.CopyTo(bigger, 0);
        TablePool.Return(array);
        return bigger;
    }

    /// <summary>One partial's decoding: its month and keyword table mapped to the reducer's ids.</summary>
    private sealed class Target(SearchShardReducer reducer) : SearchPartialFormat.ITarget
    {
        private readonly List<int> _keywords = [];
        private ulong _month;
        private ulong _user;

        public void Month(int month)
        {
            if (!reducer._monthIds.TryGetValue(month, out int id))
            {
                id = reducer._months.Count;
                if (id == 256)
                {
                    throw new InvalidOperationException("A search reduce of more than 256 months.");
                }
                reducer._monthIds.Add(month, id);
                reducer._months.Add(month);
            }
            _month = (ulong)id << (2 * IdBits);
        }

        public void Keyword(int index, ReadOnlySpan<byte> keyword) => _keywords.Add(IdOf(reducer._keywordIds, keyword, "keywords"));

        public void User(ReadOnlySpan<byte> user) => _user = _month | ((ulong)IdOf(reducer._userIds, user, "users") << IdBits);

        private static int IdOf(Utf8KeyTable table, ReadOnlySpan<byte> key, string what)
        {
            int id = table.GetOrAdd(key);
            return id < MaxIds ? id : throw new InvalidOperationException($"A search shard holds more than {MaxIds:N0} distinct {what}: use more shards.");
        }

        public void Count(int keyword, long count) => reducer.Append(_user | (uint)_keywords[keyword], count);
    }
}
