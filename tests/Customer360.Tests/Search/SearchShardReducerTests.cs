using Customer360.Domain.Search;

namespace Customer360.Tests.Search;

/// <summary>
/// The shard reducer (dense ids, one sorted entry array) against the plain reading of the rule: partials merged
/// into month → user → keyword → count dictionaries, then <see cref="UserTopKeyword.Pick"/> per user, in
/// <see cref="UserTopKeyword.Order"/>.
/// </summary>
public class SearchShardReducerTests
{
    private static byte[] Partial(int month, Dictionary<string, Dictionary<string, long>> users)
    {
        // As a map step makes it: a day's rows counted by the aggregator, all its users in one shard.
        var day = new SearchDayAggregator();
        foreach (var (user, keywords) in users)
        {
            foreach (var (keyword, count) in keywords)
            {
                for (long n = 0; n < count; n++)
                {
                    day.Add(user, keyword);
                }
            }
        }
        using var stream = new MemoryStream();
        SearchPartialFormat.Write(stream, month, day, [.. Enumerable.Range(0, day.UserCount)]);
        return stream.ToArray();
    }

    private static List<UserTopKeyword> ByDictionaries(IEnumerable<byte[]> partials)
    {
        var months = new Dictionary<int, Dictionary<string, Dictionary<string, long>>>();
        foreach (var partial in partials)
        {
            SearchPartialFormat.ReadInto(new MemoryStream(partial), months);
        }
        var rows = months.SelectMany(m => m.Value.Select(u => UserTopKeyword.Pick(m.Key, u.Key, u.Value))).ToList();
        rows.Sort(UserTopKeyword.Order);
        return rows;
    }

    private static List<UserTopKeyword> ByReducer(IEnumerable<byte[]> partials)
    {
        var reducer = new SearchShardReducer();
        foreach (var partial in partials)
        {
            reducer.Add(new MemoryStream(partial));
        }
        return reducer.TopKeywords().ToList();
    }

    [Fact]
    public void Sums_a_keyword_over_days_and_breaks_ties_by_ordinal_order()
    {
        var partials = new[]
        {
            Partial(202206, new() { ["U1"] = new() { ["b"] = 1, ["phim truyện"] = 1 }, ["U2"] = new() { ["à"] = 3, ["a"] = 3 } }),
            Partial(202206, new() { ["U1"] = new() { ["phim truyện"] = 1, ["phim truyen"] = 2 } }),
            Partial(202207, new() { ["U1"] = new() { ["z"] = 1 } }),
        };
        Assert.Equal(
        [
            new UserTopKeyword(202206, "U1", "phim truyen", 2),
            new UserTopKeyword(202206, "U2", "a", 3),
            new UserTopKeyword(202207, "U1", "z", 1),
        ], ByReducer(partials));
        Assert.Equal(ByDictionaries(partials), ByReducer(partials));
    }

    [Fact]
    public void Agrees_with_the_dictionaries_and_Pick_on_random_partials()
    {
        var rng = new Random(16);
        string[] vocabulary = ["vtv3", "phim truyện", "phim truyen", "Ä", "a", "b", "ab", "running man", "naruto", "ừ", "𝄞 music", "\uFB01lm", "\uE000", "k+"];
        var partials = new List<byte[]>();
        for (int day = 0; day < 40; day++)
        {
            var users = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
            for (int n = rng.Next(1, 60); n > 0; n--)
            {
                // Some users and keywords only UTF-16 order sorts right: a supplementary character (𝄞, a surrogate pair)
                // before U+E000–U+FFFF (ﬁ, private use), the other way round in UTF-8.
                var user = $"U{rng.Next(80)}" + (rng.Next(10) switch { 0 => "é", 1 => "\uFB01", 2 => "😀", _ => "" });
                var keywords = users.TryGetValue(user, out var k) ? k : users[user] = new(StringComparer.Ordinal);
                var keyword = vocabulary[rng.Next(vocabulary.Length)] + (rng.Next(20) == 0 ? rng.Next(5).ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
                keywords[keyword] = keywords.GetValueOrDefault(keyword) + rng.Next(1, 4);
            }
            partials.Add(Partial(day % 3 == 0 ? 202207 : day % 7 == 0 ? 202112 : 202206, users));
        }
        var expected = ByDictionaries(partials);
        Assert.True(expected.Count > 100);
        Assert.Equal(expected, ByReducer(partials));
    }

    [Fact]
    public void No_partials_give_no_rows_and_a_garbled_partial_is_invalid_data()
    {
        Assert.Empty(new SearchShardReducer().TopKeywords().ToList());
        var partial = Partial(202206, new() { ["U1"] = new() { ["a"] = 1 } });
        Assert.Throws<InvalidDataException>(() => new SearchShardReducer().Add(new MemoryStream(partial[..^2])));
        partial[^2] = 7; // the keyword index, past the table of one
        Assert.Throws<InvalidDataException>(() => new SearchShardReducer().Add(new MemoryStream(partial)));
        partial[4] = 1; // version 1
        Assert.Throws<InvalidDataException>(() => new SearchShardReducer().Add(new MemoryStream(partial)));
        var badUser = Partial(202206, new() { ["U1"] = new() { ["a"] = 1 } });
        badUser[badUser.AsSpan().IndexOf("U1"u8)] = 0xFF; // no longer UTF-8: users are keyed by their bytes, so it is refused
        Assert.Throws<InvalidDataException>(() => new SearchShardReducer().Add(new MemoryStream(badUser)));
        var badKeyword = Partial(202206, new() { ["U1"] = new() { ["vtv3"] = 1 } });
        badKeyword[badKeyword.AsSpan().IndexOf("vtv3"u8)] = 0xC3; // a lead byte without its continuation
        Assert.Throws<InvalidDataException>(() => new SearchShardReducer().Add(new MemoryStream(badKeyword)));
    }
}
