using System.Text;
using Customer360.Domain.Content;
using Customer360.Domain.Sharding;

namespace Customer360.Tests.Content;

public class Utf8KeyTableTests
{
    /// <summary>Keys like real contracts, plus the shapes the table treats apart: long keys (past the inline bytes), shared prefixes, non-ASCII, empty.</summary>
    private static string RandomKey(Random random) => random.Next(10) switch
    {
        0 => new string('K', random.Next(15, 19)) + random.Next(100), // around the 16-byte inline limit
        1 => "Hà Nội " + random.Next(500),
        2 => "C" + random.Next(30),
        3 => random.Next(50) == 0 ? "" : "SGH" + random.Next(1000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + new string('x', random.Next(0, 40)),
        _ => "HNH" + random.Next(200_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData(16)] // small, so it rehashes and grows its arrays many times
    [InlineData(1_000_000)] // sized past the keys, as a map step sizes a day by its file: it never rehashes
    public void Gives_the_same_dense_ids_as_a_dictionary_over_many_random_keys(int expectedKeys)
    {
        var random = new Random(16);
        var table = new Utf8KeyTable(expectedKeys);
        var reference = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < 200_000; i++)
        {
            var key = RandomKey(random);
            if (!reference.TryGetValue(key, out int expected))
            {
                reference[key] = expected = reference.Count;
            }
            Assert.Equal(expected, table.GetOrAdd(Encoding.UTF8.GetBytes(key)));
        }
        Assert.Equal(reference.Count, table.Count);
        foreach (var (key, id) in reference)
        {
            Assert.Equal(key, Encoding.UTF8.GetString(table.KeyOf(id)));
            for (int shards = 1; shards <= 9; shards++)
            {
                Assert.Equal(ShardHash.ShardOf(key, shards), ShardHash.ShardOf(table.HashOf(id), shards));
            }
        }
    }

    [Fact]
    public void Keys_that_differ_only_past_the_inline_bytes_or_in_length_are_different_keys()
    {
        var table = new Utf8KeyTable();
        string a = new('A', Utf8KeyTable.InlineKeyBytes), b = a + "1", c = a + "2";
        int[] ids = [table.GetOrAdd(Encoding.UTF8.GetBytes(a)), table.GetOrAdd(Encoding.UTF8.GetBytes(b)), table.GetOrAdd(Encoding.UTF8.GetBytes(c)), table.GetOrAdd(Encoding.UTF8.GetBytes(a[..^1]))];
        Assert.Equal([0, 1, 2, 3], ids);
        Assert.Equal(2, table.GetOrAdd(Encoding.UTF8.GetBytes(c)));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.KeyOf(4));
    }

    /// <summary>
    /// A table's arrays go back to the shared pools: one made after another one was disposed starts empty (it may get
    /// the same memory, with the old keys' bytes in it), finds none of the old keys, and the old table refuses use.
    /// </summary>
    [Fact]
    public void A_table_after_a_disposed_one_starts_empty_and_the_disposed_one_refuses_use()
    {
        var random = new Random(3);
        var keys = Enumerable.Range(0, 50_000).Select(_ => Encoding.UTF8.GetBytes(RandomKey(random))).ToList();
        var first = new Utf8KeyTable(keys.Count, pooled: true);
        foreach (var key in keys)
        {
            first.GetOrAdd(key);
        }
        first.Dispose();
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => first.GetOrAdd(keys[0]));

        using var second = new Utf8KeyTable(keys.Count, pooled: true);
        Assert.Equal(0, second.Count);
        foreach (var key in keys)
        {
            Assert.Equal(-1, second.Find(key, ShardHash.Hash(key)));
        }
        Assert.Equal(0, second.GetOrAdd(keys[1]));
        Assert.Equal(keys[1], second.KeyOf(0).ToArray());
    }

    [Fact]
    public void A_cache_aligned_array_is_zeroed_when_its_pooled_storage_comes_back()
    {
        var first = new CacheAlignedArray<long>(100_000, pooled: true);
        first.AsSpan().Fill(-1);
        first.Dispose();
        Assert.Equal(0, first.Length);
        using var second = new CacheAlignedArray<long>(100_000, pooled: true);
        Assert.True(second.AsSpan().IndexOfAnyExcept(0L) < 0);
    }
}
