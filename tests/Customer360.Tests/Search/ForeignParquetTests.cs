using System.Globalization;
using Customer360.Domain.Search;
using DuckDB.NET.Data;

namespace Customer360.Tests.Search;

/// <summary>
/// Search logs written by another engine (DuckDB) with other encodings, codecs and layouts read exactly
/// like the same rows written by our own writer: same rows read, accepted and skipped, same
/// (user, keyword) counts, hence the same top keywords. Each case also checks, in the file's own
/// metadata, that the writer really used the setting under test.
/// </summary>
public class ForeignParquetTests
{
    private const int Rows = 20_000;

    /// <summary>Deterministic rows: repeated keywords (dictionary-friendly), Vietnamese text, whitespace/case variants, nulls and blanks.</summary>
    private static List<(string? User, string? Keyword)> SampleRows(int count)
    {
        string[] keywords = ["phim truyện", "Phim  Truyện ", "vtv3", "running man", "doraemon", "bóng đá", "  ", "ĐỨC", "k-drama ", "thời sự"];
        var random = new Random(42);
        var rows = new List<(string?, string?)>(count);
        for (int i = 0; i < count; i++)
        {
            string? user = i % 97 == 0 ? null : i % 89 == 0 ? " " : string.Create(CultureInfo.InvariantCulture, $"U{random.Next(500)}");
            // Every 7th keyword is unique (defeats a dictionary), every 53rd is null.
            string? keyword = i % 53 == 0 ? null : i % 7 == 0 ? string.Create(CultureInfo.InvariantCulture, $"tìm kiếm {i}") : keywords[random.Next(keywords.Length)];
            rows.Add((user, keyword));
        }
        return rows;
    }

    private static async Task<(SearchFileStats Stats, Dictionary<(string, string), long> Counts)> ReadAsync(string path)
    {
        var counts = new Dictionary<(string, string), long>();
        await using var stream = File.OpenRead(path);
        var stats = await SearchLogReader.ReadAsync(stream, (u, k) => counts[(u, k)] = counts.GetValueOrDefault((u, k)) + 1, CancellationToken.None);
        return (stats, counts);
    }

    /// <summary>Loads the rows into DuckDB (with an extra nested column) and copies them to Parquet with the given options.</summary>
    internal static void WriteWithDuckDb(string path, List<(string? User, string? Keyword)> rows, string select, string options)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE logs (n INTEGER, user_id VARCHAR, keyword VARCHAR)";
            create.ExecuteNonQuery();
        }
        using (var appender = connection.CreateAppender("logs"))
        {
            for (int i = 0; i < rows.Count; i++)
            {
                var row = appender.CreateRow().AppendValue(i);
                row = rows[i].User is { } u ? row.AppendValue(u) : row.AppendNullValue();
                row = rows[i].Keyword is { } k ? row.AppendValue(k) : row.AppendNullValue();
                row.EndRow();
            }
        }
        using var copy = connection.CreateCommand();
        copy.CommandText = $"COPY ({select} FROM logs ORDER BY n) TO '{path}' (FORMAT parquet, {options})";
        copy.ExecuteNonQuery();
    }

    private static List<string> Metadata(string path, string column)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT DISTINCT {column} FROM parquet_metadata('{path}') WHERE path_in_schema = 'keyword'";
        using var reader = query.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }
        return values;
    }

    private static string KeywordType(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT type || '|' || converted_type FROM parquet_schema('{path}') WHERE name = 'keyword'";
        return Convert.ToString(query.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private static long RowGroups(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT COUNT(DISTINCT row_group_id) FROM parquet_metadata('{path}')";
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private const string Plain = "SELECT user_id, keyword";
    private const string Nested = "SELECT n AS event_id, keyword, {'device': 'box-' || (n % 3), 'tags': [n % 5, n % 7], 'extra': {'depth': n}} AS context, user_id";

    [Theory]
    [InlineData("snappy", Plain, "COMPRESSION snappy", "SNAPPY", null, 1, Rows)]
    [InlineData("zstd", Plain, "COMPRESSION zstd", "ZSTD", null, 1, Rows)]
    [InlineData("gzip", Plain, "COMPRESSION gzip", "GZIP", null, 1, Rows)]
    [InlineData("uncompressed", Plain, "COMPRESSION uncompressed", "UNCOMPRESSED", null, 1, Rows)]
    [InlineData("dictionary", Plain, "COMPRESSION snappy", "SNAPPY", "DICTIONARY", 1, Rows)]
    [InlineData("plain", Plain, "COMPRESSION snappy, STRING_DICTIONARY_PAGE_SIZE_LIMIT 1", "SNAPPY", "PLAIN", 1, Rows)]
    // DuckDB's v2 writer encodes strings as DELTA_LENGTH_BYTE_ARRAY; neither it nor Parquet.Net writes DELTA_BYTE_ARRAY.
    [InlineData("delta-length-byte-array", Plain, "COMPRESSION zstd, PARQUET_VERSION v2, STRING_DICTIONARY_PAGE_SIZE_LIMIT 1", "ZSTD", "DELTA_LENGTH_BYTE_ARRAY", 1, Rows)]
    [InlineData("row-groups", Plain, "COMPRESSION snappy, ROW_GROUP_SIZE 2048", "SNAPPY", null, 10, Rows)]
    [InlineData("large-row-group", Plain, "COMPRESSION zstd, ROW_GROUP_SIZE 1000000", "ZSTD", null, 1, 400_000)]
    [InlineData("nested-column", Nested, "COMPRESSION zstd", "ZSTD", null, 1, Rows)]
    [InlineData("zero-rows", Plain, "COMPRESSION snappy", null, null, 0, 0)]
    public async Task A_file_from_another_writer_reads_like_ours(string name, string select, string options, string? codec, string? encoding, int minRowGroups, int rowCount)
    {
        using var temp = new TempFolder();
        var rows = SampleRows(rowCount);
        var ours = Path.Combine(temp.Path, "ours.parquet");
        await SearchParquet.WriteAsync(ours, rows);
        var theirs = Path.Combine(temp.Path, name + ".parquet");
        WriteWithDuckDb(theirs, rows, select, options);

        if (codec is not null)
        {
            Assert.Equal([codec], Metadata(theirs, "compression"));
        }
        if (encoding is not null)
        {
            var encodings = Metadata(theirs, "encodings");
            Assert.Contains(encodings, e => e.Contains(encoding, StringComparison.Ordinal));
            if (encoding != "DICTIONARY")
            {
                Assert.DoesNotContain(encodings, e => e.Contains("DICTIONARY", StringComparison.Ordinal));
            }
        }
        Assert.InRange(RowGroups(theirs), minRowGroups, int.MaxValue);
        Assert.Equal("BYTE_ARRAY|UTF8", KeywordType(theirs)); // BINARY annotated as UTF8/STRING

        var expected = await ReadAsync(ours);
        var actual = await ReadAsync(theirs);
        Assert.Null(actual.Stats.Error);
        Assert.Equal(expected.Stats, actual.Stats);
        Assert.Equal(rowCount, actual.Stats.RowsRead);
        Assert.Equal(expected.Counts.OrderBy(kv => kv.Key), actual.Counts.OrderBy(kv => kv.Key));
    }
}
