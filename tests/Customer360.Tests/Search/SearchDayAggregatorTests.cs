using System.Text;
using Customer360.Domain.Search;
using Customer360.Domain.Sharding;
using Customer360.Domain.WorkStore;

namespace Customer360.Tests.Search;

/// <summary>
/// The search map's day state (dense ids, one sorted pair list) against the plain reading of the rule: per user a
/// dictionary of keyword counts, each shard written the way the first version of the format was (BinaryWriter).
/// </summary>
public class SearchDayAggregatorTests
{
    private static readonly string[] Vocabulary = ["phim", "phim truyện", "bóng đá", "conan", "a", "à", "x y", "tình yêu", "hài"];

    private static List<(string User, string Keyword)> Rows(int seed, int count)
    {
        var rng = new Random(seed);
        var rows = new List<(string, string)>();
        for (int i = 0; i < count; i++)
        {
            string user = $"U{rng.Next(300)}" + (rng.Next(15) == 0 ? "ễ" : "");
            rows.Add((user, Vocabulary[rng.Next(Vocabulary.Length)] + (rng.Next(8) == 0 ? rng.Next(40).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")));
        }
        return rows;
    }

    /// <summary>The format as BinaryWriter wrote it from per-user dictionaries, the reference for what a shard must hold.</summary>
    private static byte[] ReferenceShard(int month, List<KeyValuePair<string, Dictionary<string, long>>> users)
    {
        var keywords = users.SelectMany(u => u.Value.Keys).Distinct(StringComparer.Ordinal).ToList();
        var table = keywords.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0x53_30_36_43);
            writer.Write((byte)2);
            writer.Write(month);
            writer.Write(keywords.Count);
            keywords.ForEach(writer.Write);
            writer.Write(users.Count);
            foreach (var (user, counts) in users)
            {
                writer.Write(user);
                writer.Write7BitEncodedInt(counts.Count);
                foreach (var (keyword, count) in counts)
                {
                    writer.Write7BitEncodedInt(table[keyword]);
                    writer.Write7BitEncodedInt64(count);
                }
            }
        }
        return stream.ToArray();
    }

    private static Dictionary<int, Dictionary<string, Dictionary<string, long>>> Decode(byte[] shard)
    {
        var months = new Dictionary<int, Dictionary<string, Dictionary<string, long>>>();
        SearchPartialFormat.ReadInto(new MemoryStream(shard), months);
        return months;
    }

    private static void AssertSame(byte[] expected, byte[] actual)
    {
        var want = Decode(expected);
        var got = Decode(actual);
        Assert.Equal(want.Keys.Order(), got.Keys.Order());
        foreach (var (month, users) in want)
        {
            // Same users in the same order (the reduce sees them in the order written), each with the same counts.
            Assert.Equal(users.Keys, got[month].Keys);
            foreach (var (user, counts) in users)
            {
                Assert.Equal(counts.OrderBy(c => c.Key, StringComparer.Ordinal), got[month][user].OrderBy(c => c.Key, StringComparer.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 2)]
    [InlineData(3, 3)]
    public void Every_shard_holds_what_per_user_dictionaries_would(int shards, int seed)
    {
        var rows = Rows(seed, 5_000);
        var day = new SearchDayAggregator();
        var reference = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (user, keyword) in rows)
        {
            day.Add(user, keyword);
            if (!reference.TryGetValue(user, out var counts))
            {
                reference[user] = counts = new Dictionary<string, long>(StringComparer.Ordinal);
            }
            counts[keyword] = counts.GetValueOrDefault(keyword) + 1;
        }

        var partial = new SearchPartialShards(day, 202206);
        Assert.Equal(reference.Count, partial.Keys);
        var writers = partial.Split(shards);
        Assert.Equal(shards, writers.Count);
        for (int shard = 0; shard < shards; shard++)
        {
            using var stream = new MemoryStream();
            writers[shard](stream);
            var expected = ReferenceShard(202206, [.. reference.Where(u => ShardHash.ShardOf(u.Key, shards) == shard)]);
            AssertSame(expected, stream.ToArray());
        }
    }

    [Fact]
    public void Counts_are_per_user_by_keyword_id_and_adding_after_reading_is_refused()
    {
        var day = new SearchDayAggregator();
        day.Add("u2", "b");
        day.Add("u1", "a");
        day.Add("u2", "a");
        day.Add("u2", "b");

        Assert.Equal(["u2", "u1"], day.Users);
        Assert.Equal(["b", "a"], day.Keywords);
        Assert.Equal([new KeywordCount(0, 2), new KeywordCount(1, 1)], day.CountsOf(0).ToArray());
        Assert.Equal([new KeywordCount(1, 1)], day.CountsOf(1).ToArray());
        Assert.Throws<InvalidOperationException>(() => day.Add("u3", "c"));
    }

    [Fact]
    public void An_empty_day_writes_empty_shards()
    {
        var writers = new SearchPartialShards(new SearchDayAggregator(), 202207).Split(4);
        foreach (var write in writers)
        {
            using var stream = new MemoryStream();
            write(stream);
            var months = Decode(stream.ToArray());
            Assert.Empty(Assert.Single(months).Value);
        }
    }
}
