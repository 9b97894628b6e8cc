using Customer360.Domain.Classification;

namespace Customer360.Tests.Classification;

/// <summary>The embedded keyword cache: appended per batch, read back by the next run, tolerant of a cut-off last line.</summary>
public class JsonFileKeywordCacheTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static KeywordGenre Entry(string keyword, string genre, string version = "i-1") => new(keyword, genre, "llm", "gpt-4o-mini", At, version);

    [Fact]
    public async Task Puts_append_and_a_new_instance_reads_the_latest_entry_of_each_keyword()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "cache.json");
        using (var cache = new JsonFileKeywordCache(path))
        {
            await cache.PutManyAsync([Entry("vtv3", "TV Channel"), Entry("bong da", "Sports")], CancellationToken.None);
            await cache.PutManyAsync([Entry("vtv3", "News", "i-2"), new KeywordGenre("x", "Other", "fallback", "m", At)], CancellationToken.None);
        }
        Assert.Equal(3, File.ReadAllLines(path).Length); // appended, fallbacks never cached

        File.AppendAllText(path, "{\"keyword\":\"cut\",\"categ"); // a process killed mid-append
        using var reread = new JsonFileKeywordCache(path);
        var found = await reread.GetManyAsync(["vtv3", "bong da", "cut", "x"], CancellationToken.None);
        Assert.Equal(2, found.Count);
        Assert.Equal(("News", "i-2"), (found["vtv3"].Genre, found["vtv3"].InstructionsVersion));
        Assert.Equal("Sports", found["bong da"].Genre);
    }

    [Fact]
    public async Task The_earlier_array_format_is_read_and_rewritten_as_lines()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "cache.json");
        File.WriteAllText(path, """[{"keyword":"vtv3","category":"TV Channel","source":"llm","model":"gpt-4o-mini","classifiedAtUtc":"2026-01-01T00:00:00+00:00"}]""");
        using (var cache = new JsonFileKeywordCache(path))
        {
            var old = (await cache.GetManyAsync(["vtv3"], CancellationToken.None))["vtv3"];
            Assert.Equal(("TV Channel", ""), (old.Genre, old.InstructionsVersion));
            await cache.PutManyAsync([Entry("htv7", "TV Channel")], CancellationToken.None);
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("{", l, StringComparison.Ordinal));
        using var reread = new JsonFileKeywordCache(path);
        Assert.Equal(2, (await reread.GetManyAsync(["vtv3", "htv7"], CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Many_rewrites_of_the_same_keywords_are_compacted()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "cache.json");
        using (var cache = new JsonFileKeywordCache(path))
        {
            for (int round = 0; round < 30; round++)
            {
                await cache.PutManyAsync([.. Enumerable.Range(0, 50).Select(i => Entry($"k{i}", "Drama", $"i-{round}"))], CancellationToken.None);
            }
        }
        Assert.True(File.ReadAllLines(path).Length <= 2 * 50 + 1000 + 50);
        using var reread = new JsonFileKeywordCache(path);
        var found = await reread.GetManyAsync([.. Enumerable.Range(0, 50).Select(i => $"k{i}")], CancellationToken.None);
        Assert.All(found.Values, e => Assert.Equal("i-29", e.InstructionsVersion));
    }
}
