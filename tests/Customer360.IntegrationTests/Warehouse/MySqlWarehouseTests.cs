using System.Globalization;
using Customer360.Cli;
using Customer360.Domain.Content;
using Customer360.Domain.Customers;
using Customer360.Domain.Search;
using Customer360.Domain.Tables;
using Customer360.Domain.Warehouse;
using Customer360.Generation;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace Customer360.IntegrationTests.Warehouse;

/// <summary>The warehouse on a real MariaDB: atomic, idempotent month loads, the shared cache, the views.</summary>
public class MySqlWarehouseTests
{
    private const string ProfileColumns = "month, contract, truyen_hinh, phim_truyen, giai_tri, thieu_nhi, the_thao, total_devices, active_days, active_level, most_watch, taste";

    private static async Task<LocalRunOptions> RunAsync(TestDatabase db, string? content, string? search, string output, CountingClassifier? classifier = null, string? identity = null)
    {
        var options = new LocalRunOptions
        {
            ContentDirectory = content,
            SearchDirectory = search,
            OutputDirectory = output,
            // The identity map is a setting now, loaded by the flow's identity-map step (which also fills customer_identity).
            Settings = new() { MySqlConnectionString = db.ConnectionString, IdentityMap = identity },
            ClassifierOverride = classifier,
        };
        await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);
        return options;
    }

    private static string GenerateContent(TempFolder temp, int contracts = 300)
    {
        var content = temp.Sub("content");
        new ContentLogGenerator(7, contracts).Write(content, gzipLastDay: false, parallelism: 2);
        return content;
    }

    [Fact]
    public async Task A_month_loads_and_a_rerun_replaces_it_exactly()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var temp = new TempFolder();
        var content = GenerateContent(temp);
        var output = temp.Sub("out");
        await RunAsync(db, content, null, output);

        var fileRows = OutputFiles.ReadContentProfile(output);
        long count = await db.ScalarAsync<long>("SELECT COUNT(*) FROM content_profile");
        long checksum = await db.ChecksumAsync("content_profile", ProfileColumns, "1=1");
        Assert.Equal(fileRows.Count, count);
        Assert.Equal(fileRows.Sum(r => r.TruyenHinh), await db.ScalarAsync<long>("SELECT SUM(truyen_hinh) FROM content_profile"));

        await RunAsync(db, content, null, temp.Sub("out2"));
        Assert.Equal(count, await db.ScalarAsync<long>("SELECT COUNT(*) FROM content_profile"));
        Assert.Equal(checksum, await db.ChecksumAsync("content_profile", ProfileColumns, "1=1"));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT COUNT(*) FROM pipeline_run WHERE status = 'succeeded'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE '%\\_\\_stage\\_%'"));
    }

    [Fact]
    public async Task Loading_another_month_leaves_the_first_untouched()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var temp = new TempFolder();
        await RunAsync(db, GenerateContent(temp), null, temp.Sub("out"));
        long april = await db.ChecksumAsync("content_profile", ProfileColumns, "month = 202204");

        var may = temp.Sub("may");
        File.WriteAllLines(Path.Combine(may, "20220501.json"), ["""{"_source":{"Contract":"HNH100000","AppName":"SPORT","TotalDuration":60}}"""]);
        await RunAsync(db, may, null, temp.Sub("out-may"));

        Assert.Equal(april, await db.ChecksumAsync("content_profile", ProfileColumns, "month = 202204"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM content_profile WHERE month = 202205"));
    }

    [Fact]
    public async Task A_load_killed_midway_leaves_the_previous_month_intact_and_a_rerun_completes()
    {
        await using var db = await TestDatabase.CreateAsync();
        var sink = new MySqlTableSink(db.ConnectionString);
        await sink.WriteAsync(Profiles(202204, 1_000, seconds: 1), CancellationToken.None);
        long before = await db.ChecksumAsync("content_profile", ProfileColumns, "month = 202204");

        // A large replacement of the same month; kill its connection while it loads.
        var big = Profiles(202204, 400_000, seconds: 2);
        var load = Task.Run(() => sink.WriteAsync(big, CancellationToken.None));
        bool killed = await KillLoadAsync(db, load);
        Assert.True(killed, "the load finished before it could be killed");
        await Assert.ThrowsAnyAsync<Exception>(() => load);

        Assert.Equal(1_000, await db.ScalarAsync<long>("SELECT COUNT(*) FROM content_profile WHERE month = 202204"));
        Assert.Equal(before, await db.ChecksumAsync("content_profile", ProfileColumns, "month = 202204"));

        await new MySqlTableSink(db.ConnectionString).WriteAsync(big, CancellationToken.None);
        Assert.Equal(400_000, await db.ScalarAsync<long>("SELECT COUNT(*) FROM content_profile WHERE month = 202204"));
        Assert.Equal(800_000, await db.ScalarAsync<long>("SELECT SUM(truyen_hinh) FROM content_profile"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE '%\\_\\_stage\\_%'"));
    }

    /// <summary>Kills the load's statement as soon as it shows in the process list; false only if the load ended first.</summary>
    private static async Task<bool> KillLoadAsync(TestDatabase db, Task load)
    {
        await using var admin = new MySqlConnection(RequiredService.Get("C360_TEST_MYSQL_ADMIN"));
        await admin.OpenAsync();
        // Poll for as long as the load runs, not a fixed time: on a loaded machine it may start late.
        while (!load.IsCompleted)
        {
            await using var find = new MySqlCommand("SELECT id FROM information_schema.processlist WHERE db = @db AND (info LIKE 'LOAD DATA%' OR info LIKE 'INSERT INTO%' OR info LIKE 'DELETE FROM%') LIMIT 1", admin);
            find.Parameters.AddWithValue("@db", db.Name);
            if (await find.ExecuteScalarAsync() is { } id and not DBNull)
            {
                await using var kill = new MySqlCommand($"KILL {Convert.ToInt64(id, CultureInfo.InvariantCulture)}", admin);
                await kill.ExecuteNonQueryAsync();
                return true;
            }
            await Task.Delay(10);
        }
        return false;
    }

    private static OutputTable Profiles(int month, int count, long seconds)
    {
        var rows = Enumerable.Range(0, count)
            .Select(i => new ContentProfileRow(month, $"K{i:D7}", seconds, 0, 0, 0, 0, 1, 3, "Low", "Truyền Hình", "Truyền Hình"))
            .ToList();
        return ContentProfileTable.From(rows);
    }

    [Fact]
    public async Task Vietnamese_text_round_trips_and_accents_make_distinct_keys()
    {
        await using var db = await TestDatabase.CreateAsync();
        var cache = new MySqlKeywordCache(db.ConnectionString);
        var now = DateTimeOffset.UtcNow;
        await cache.PutManyAsync(
        [
            new("phim truyện", "Drama", "llm", "m", now),
            new("phim truyen", "Other", "llm", "m", now),
            new("Đức", "Sports", "rules", "r", now),
        ], CancellationToken.None);
        var found = await cache.GetManyAsync(["phim truyện", "phim truyen", "Đức", "Duc"], CancellationToken.None);
        Assert.Equal(3, found.Count);
        Assert.Equal("Drama", found["phim truyện"].Genre);
        Assert.Equal("Other", found["phim truyen"].Genre);

        await new MySqlTableSink(db.ConnectionString).WriteAsync(ContentProfileTable.From(
            [new ContentProfileRow(202204, "Đức-01", 1, 2, 0, 0, 0, 1, 1, "Low", "Phim Truyện", "Truyền Hình-Phim Truyện")]), CancellationToken.None);
        var row = (await db.QueryAsync("SELECT contract, most_watch, taste, CHAR_LENGTH(taste), LENGTH(taste) FROM content_profile")).Single();
        Assert.Equal("Đức-01", row[0]);
        Assert.Equal("Phim Truyện", row[1]);
        Assert.Equal("Truyền Hình-Phim Truyện", row[2]);
        Assert.Equal((long)"Truyền Hình-Phim Truyện".Length, Convert.ToInt64(row[3], CultureInfo.InvariantCulture));
        Assert.Equal((long)System.Text.Encoding.UTF8.GetByteCount("Truyền Hình-Phim Truyện"), Convert.ToInt64(row[4], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_keyword_cache_is_shared_between_runs()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        new SearchLogGenerator(3, 200).Write(search, parallelism: 2);
        var first = new CountingClassifier();
        await RunAsync(db, null, search, temp.Sub("out1"), first);
        Assert.True(first.Batches > 0);
        long cached = await db.ScalarAsync<long>("SELECT COUNT(*) FROM keyword_category");
        Assert.True(cached > 0);

        // A second run in other folders (no shared file cache): the database answers every keyword.
        var second = new CountingClassifier();
        await RunAsync(db, null, search, temp.Sub("out2"), second);
        Assert.Equal(0, second.Batches);
        Assert.Equal(await db.ScalarAsync<long>("SELECT COUNT(*) FROM search_top_keyword"),
            await db.ScalarAsync<long>("SELECT COUNT(*) FROM search_top_keyword t JOIN keyword_category k ON k.keyword = t.most_search"));
    }

    [Fact]
    public async Task Migrations_are_idempotent()
    {
        await using var db = await TestDatabase.CreateAsync();
        for (int i = 0; i < 2; i++)
        {
            await using var connection = new MySqlConnection(db.ConnectionString);
            await connection.OpenAsync();
            await MySqlSchema.MigrateAsync(connection, CancellationToken.None);
        }
        Assert.Equal(MySqlSchema.Migrations.Count, await db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("utf8mb4_bin", await db.ScalarAsync<string>("SELECT collation_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'search_top_keyword' AND column_name = 'user_id'"));
    }

    /// <summary>Each table is defined once (its <see cref="TableSchema"/>); the migrations must declare the same columns, in order, with matching types.</summary>
    [Fact]
    public async Task The_mysql_tables_and_view_declare_the_columns_of_each_table_schema()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var connection = new MySqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await MySqlSchema.MigrateAsync(connection, CancellationToken.None);
        }
        foreach (var schema in new TableSchema[] { ContentProfileTable.Schema, SearchTables.TopKeywordSchema, SearchTables.TrendSchema, SearchTables.KeywordGenreSchema, Customer360Builder.Schema })
        {
            var columns = (await db.QueryAsync(
                    $"SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '{schema.Name}' ORDER BY ordinal_position"))
                .Select(r => (Name: (string)r[0]!, Type: ((string)r[1]!).ToLowerInvariant(), Nullable: (string)r[2]! == "YES")).ToList();
            // keyword_category in MySQL is the shared cache: the file table's columns, then when each was classified and with which instructions (migration 4).
            Assert.True(columns.Count >= schema.Columns.Count, $"{schema.Name}: {columns.Count} columns in MySQL");
            for (int i = 0; i < schema.Columns.Count; i++)
            {
                var (expected, actual) = (schema.Columns[i], columns[i]);
                Assert.Equal(expected.Name, actual.Name);
                Assert.Equal((schema.Name, expected.Name, expected.Type switch
                {
                    ColumnType.Text => "varchar",
                    ColumnType.Number or ColumnType.OptionalNumber => "int",
                    _ => "bigint",
                }), (schema.Name, actual.Name, actual.Type));
                if (schema != Customer360Builder.Schema)
                {
                    // Tables (not the view, whose outer join makes every column nullable) hold no missing values.
                    Assert.False(actual.Nullable, $"{schema.Name}.{actual.Name} is nullable");
                }
            }
            Assert.Equal(schema == SearchTables.KeywordGenreSchema ? ["classified_at", "instructions_version"] : [], columns.Skip(schema.Columns.Count).Select(c => c.Name));
        }
    }

    [Fact]
    public async Task The_customer_360_view_matches_the_file_output_with_an_identity_map()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var temp = new TempFolder();
        var content = GenerateContent(temp, contracts: 120);
        var search = temp.Sub("search");
        new SearchLogGenerator(5, 100).Write(search, parallelism: 2);
        var identity = Path.Combine(temp.Path, "identity.csv");
        // Contracts HNH1000xx ↔ users U10000xx for the first 40; everyone else stays identity-mapped.
        File.WriteAllLines(identity, ["contract,user_id", .. Enumerable.Range(0, 40).Select(i => $"{ContentLogGenerator.ContractId(i)},{SearchLogGenerator.UserId(i)}")]);
        var output = temp.Sub("out");
        await RunAsync(db, content, search, output, new CountingClassifier(), identity);

        var file = File.ReadAllLines(OutputFiles.Csv(output, "customer_360")).Skip(1).Order(StringComparer.Ordinal).ToList();
        var view = (await db.QueryAsync(
            "SELECT contract, user_id, content_month, truyen_hinh, phim_truyen, giai_tri, thieu_nhi, the_thao, total_devices, active_days, active_level, most_watch, taste, " +
            "search_month, most_search, category, category_source, trend_month_from, trend_month_to, category_from, category_to, trending_type, previous FROM customer_360"))
            .Select(r => string.Join(',', r.Select(v => Csv(v)))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(file.Count, view.Count);
        Assert.Equal(file, view);
        Assert.Contains(file, line => line.StartsWith($"{ContentLogGenerator.ContractId(0)},{SearchLogGenerator.UserId(0)},202204,", StringComparison.Ordinal));
    }

    private static string Csv(object? value) => value switch
    {
        null => "",
        string s when s.AsSpan().IndexOfAny(",\"\r\n") >= 0 => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
