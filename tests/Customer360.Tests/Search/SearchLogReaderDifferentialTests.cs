using System.Globalization;
using System.Text;
using Customer360.Domain.Search;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;

namespace Customer360.Tests.Search;

/// <summary>
/// <see cref="SearchLogReader"/> (raw columns, a keyword normalised once per dictionary entry) against the plain
/// reading: Parquet.Net's own string per value, each trimmed and normalised on its own — row by row, the same
/// pairs in the same order and the same stats — on files with and without dictionary pages, from DuckDB and
/// from Parquet.Net, with several row groups and nulls.
/// </summary>
public class SearchLogReaderDifferentialTests
{
    private static List<(string? User, string? Keyword)> Rows(int count)
    {
        string[] keywords = ["phim truyện", "Phim  Truyện ", "phim truyện".Normalize(NormalizationForm.FormD), "VTV3", "vtv3", " ", "", "ĐỨC\tanh", "k-drama ", "x\u00A0y", "𝄞 nhạc"];
        var random = new Random(7);
        var rows = new List<(string?, string?)>(count);
        for (int i = 0; i < count; i++)
        {
            string? user = i % 31 == 0 ? null : i % 29 == 0 ? "  " : string.Create(CultureInfo.InvariantCulture, $"{(i % 3 == 0 ? " " : "")}U{random.Next(300)}");
            string? keyword = i % 37 == 0 ? null : i % 5 == 0 ? string.Create(CultureInfo.InvariantCulture, $"Tìm  {i}") : keywords[random.Next(keywords.Length)];
            rows.Add((user, keyword));
        }
        return rows;
    }

    /// <summary>The plain reading (as the reader was before it read raw columns).</summary>
    private static async Task<(long Read, long Accepted, long Skipped, List<(string, string)> Pairs)> PlainAsync(string path)
    {
        long read = 0, accepted = 0, skipped = 0;
        var pairs = new List<(string, string)>();
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var user = reader.Schema.GetDataFields().Single(f => f.Name == "user_id");
        var keyword = reader.Schema.GetDataFields().Single(f => f.Name == "keyword");
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var users = new string?[group.RowCount];
            var keywords = new string?[group.RowCount];
            await group.ReadAsync(user, users.AsMemory());
            await group.ReadAsync(keyword, keywords.AsMemory());
            for (int i = 0; i < users.Length; i++)
            {
                read++;
                var u = users[i]?.Trim();
                var k = keywords[i] is { } raw ? KeywordNormalizer.Normalize(raw) : null;
                if (string.IsNullOrEmpty(u) || string.IsNullOrEmpty(k))
                {
                    skipped++;
                    continue;
                }
                accepted++;
                pairs.Add((u, k));
            }
        }
        return (read, accepted, skipped, pairs);
    }

    private static async Task AgreeAsync(string path, int rows)
    {
        var pairs = new List<(string, string)>();
        await using var stream = File.OpenRead(path);
        var stats = await SearchLogReader.ReadAsync(stream, (u, k) => pairs.Add((u, k)), CancellationToken.None);
        var plain = await PlainAsync(path);
        Assert.Null(stats.Error);
        Assert.Equal(rows, stats.RowsRead);
        Assert.Equal(new SearchFileStats(plain.Read, plain.Accepted, plain.Skipped, null), stats);
        Assert.Equal(plain.Pairs, pairs);
        Assert.True(stats.Skipped > 0 && stats.Accepted > stats.Skipped);
    }

    private static string Encodings(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT string_agg(DISTINCT encodings, ';') FROM parquet_metadata('{path}') WHERE path_in_schema = 'keyword'";
        return Convert.ToString(query.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    [Theory]
    [InlineData("COMPRESSION snappy", true)]
    [InlineData("COMPRESSION snappy, ROW_GROUP_SIZE 2048", true)]
    [InlineData("COMPRESSION snappy, STRING_DICTIONARY_PAGE_SIZE_LIMIT 1", false)]
    [InlineData("COMPRESSION zstd, PARQUET_VERSION v2, STRING_DICTIONARY_PAGE_SIZE_LIMIT 1", false)]
    public async Task DuckDB_files_read_as_the_plain_reading_reads_them(string options, bool dictionary)
    {
        using var temp = new TempFolder();
        var rows = Rows(12_000);
        var path = Path.Combine(temp.Path, "duck.parquet");
        ForeignParquetTests.WriteWithDuckDb(path, rows, "SELECT n, user_id, keyword", options);
        Assert.Equal(dictionary, Encodings(path).Contains("DICTIONARY", StringComparison.Ordinal));
        await AgreeAsync(path, rows.Count);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 1)]
    [InlineData(true, 3)]
    public async Task Our_own_files_read_as_the_plain_reading_reads_them(bool dictionary, int rowGroups)
    {
        using var temp = new TempFolder();
        var rows = Rows(9_000);
        var path = Path.Combine(temp.Path, "ours.parquet");
        var schema = new ParquetSchema(new DataField<string>("user_id"), new DataField<string>("keyword"));
        await using (var file = File.Create(path))
        {
            // Parquet.Net writes dictionary pages only for columns hinted so (and the generator's bench data has none).
            var options = new ParquetOptions();
            if (dictionary)
            {
                options.ColumnEncodingHints["user_id"] = EncodingHint.Dictionary;
                options.ColumnEncodingHints["keyword"] = EncodingHint.Dictionary;
            }
            await using var writer = await ParquetWriter.CreateAsync(schema, file, options);
            foreach (var chunk in rows.Chunk(rows.Count / rowGroups))
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(schema.GetDataFields()[0], chunk.Select(r => r.User).ToArray());
                await group.WriteAsync(schema.GetDataFields()[1], chunk.Select(r => r.Keyword).ToArray());
            }
        }
        Assert.Equal(dictionary, Encodings(path).Contains("DICTIONARY", StringComparison.Ordinal));
        await AgreeAsync(path, rows.Count);
    }
}
