using Customer360.Domain.Classification;
using Customer360.Domain.Warehouse;

namespace Customer360.IntegrationTests.Warehouse;

/// <summary>The MySQL keyword cache keeps the instructions version of each entry (migration 4).</summary>
public class MySqlKeywordCacheVersionTests
{
    [Fact]
    public async Task The_instructions_version_is_stored_read_back_and_replaced()
    {
        await using var db = await TestDatabase.CreateAsync();
        var cache = new MySqlKeywordCache(db.ConnectionString);
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await cache.PutManyAsync([new KeywordGenre("vtv3", "TV Channel", "llm", "gpt-4o-mini", at, "i-aaaa")], CancellationToken.None);
        Assert.Equal("i-aaaa", (await cache.GetManyAsync(["vtv3"], CancellationToken.None))["vtv3"].InstructionsVersion);

        await cache.PutManyAsync([new KeywordGenre("vtv3", "TV Channel", "llm", "gpt-4o-mini", at, "i-bbbb")], CancellationToken.None);
        Assert.Equal("i-bbbb", (await cache.GetManyAsync(["vtv3"], CancellationToken.None))["vtv3"].InstructionsVersion);
        Assert.Equal("i-bbbb", await db.ScalarAsync<string>("SELECT instructions_version FROM keyword_category WHERE keyword = 'vtv3'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_version WHERE version = 4"));
    }
}
