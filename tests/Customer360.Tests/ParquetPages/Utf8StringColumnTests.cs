using System.Globalization;
using System.Text;
using Customer360.Domain.ParquetPages;
using Customer360.Tests.Search;
using Parquet;
using Parquet.Schema;

namespace Customer360.Tests.ParquetPages;

/// <summary>
/// The page decoder against Parquet.Net, value by value (nulls, empty strings, Vietnamese, invalid UTF-8 aside), on
/// files from DuckDB in every codec and page layout it writes for strings and from Parquet.Net itself; and the
/// layouts it leaves to Parquet.Net say so (<see cref="NotSupportedException"/>) instead of decoding wrongly.
/// </summary>
public class Utf8StringColumnTests
{
    private static List<(string? User, string? Keyword)> Rows(int count)
    {
        string[] keywords = ["phim truyện", "", " ", "VTV3", "bóng đá", "ĐỨC", "𝄞 nhạc", "k-drama"];
        var random = new Random(11);
        var rows = new List<(string?, string?)>(count);
        for (int i = 0; i < count; i++)
        {
            string? user = i % 13 == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"U{random.Next(2_000)}");
            // Every 3rd keyword unique: a dictionary of the rest, plain values when DuckDB gives up on it.
            string? keyword = i % 17 == 0 ? null : i % 3 == 0 ? string.Create(CultureInfo.InvariantCulture, $"tìm {i}") : keywords[random.Next(keywords.Length)];
            rows.Add((user, keyword));
        }
        return rows;
    }

    /// <summary>Every row group's column decoded by <see cref="Utf8StringColumn.Decode"/> and read by Parquet.Net as strings: the same value or null in every row.</summary>
    private static async Task<int> AssertDecodesLikeParquetNet(string path, string column)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var field = reader.Schema.GetDataFields().Single(f => f.Name == column);
        int rowsChecked = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int rows = checked((int)group.RowCount);
            var expected = new string?[rows];
            await group.ReadAsync(field, expected.AsMemory());
            var meta = group.GetMetadata(field)!.MetaData!;
            var chunk = new byte[meta.TotalCompressedSize];
            stream.Position = Utf8StringColumn.ChunkStart(meta);
            await stream.ReadExactlyAsync(chunk);
            using var decoded = Utf8StringColumn.Decode(chunk, meta.Codec, field.MaxDefinitionLevel, rows, meta.TotalUncompressedSize);
            for (int i = 0; i < rows; i++)
            {
                bool present = decoded.TryGet(i, out var value, out int entry);
                Assert.Equal(expected[i] is not null, present);
                if (present)
                {
                    Assert.Equal(expected[i], Encoding.UTF8.GetString(value));
                    Assert.InRange(entry, -1, decoded.DictionarySize - 1);
                }
            }
            rowsChecked += rows;
        }
        return rowsChecked;
    }

    /// <summary>The first row group's chunk of <paramref name="column"/> as stored, with what decoding it needs.</summary>
    private static async Task<(byte[] Chunk, Parquet.Meta.ColumnMetaData Meta, int MaxDefinitionLevel)> FirstChunkAsync(string path, string column)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var field = reader.Schema.GetDataFields().Single(f => f.Name == column);
        using var group = reader.OpenRowGroupReader(0);
        var meta = group.GetMetadata(field)!.MetaData!;
        var chunk = new byte[meta.TotalCompressedSize];
        stream.Position = Utf8StringColumn.ChunkStart(meta);
        await stream.ReadExactlyAsync(chunk);
        return (chunk, meta, field.MaxDefinitionLevel);
    }

    [Theory]
    [InlineData("COMPRESSION snappy", true)]
    [InlineData("COMPRESSION zstd", true)]
    [InlineData("COMPRESSION gzip", true)]
    [InlineData("COMPRESSION uncompressed", true)]
    [InlineData("COMPRESSION snappy, STRING_DICTIONARY_PAGE_SIZE_LIMIT 1", true)] // PLAIN pages, no dictionary
    [InlineData("COMPRESSION snappy, ROW_GROUP_SIZE 2048", true)]
    // Data pages v2: the users dictionary-encoded; the keywords, too varied for DuckDB's dictionary, are DELTA_LENGTH_BYTE_ARRAY (Parquet.Net's).
    [InlineData("COMPRESSION zstd, PARQUET_VERSION v2", false)]
    [InlineData("COMPRESSION snappy, ROW_GROUP_SIZE 1000000", true)] // one large row group: several pages per chunk
    public async Task Decodes_duckdb_files_exactly_as_parquet_net_reads_them(string options, bool keywords)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "duckdb.parquet");
        var rows = Rows(options.Contains("1000000", StringComparison.Ordinal) ? 300_000 : 20_000);
        ForeignParquetTests.WriteWithDuckDb(path, rows, "SELECT user_id, keyword", options);
        await AssertColumnsDecodeLikeParquetNet(path, rows.Count, keywords ? ["keyword", "user_id"] : ["user_id"]);
    }

    [Fact]
    public async Task Decodes_parquet_net_files_exactly_as_parquet_net_reads_them()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "ours.parquet");
        var rows = Rows(20_000);
        await SearchParquet.WriteAsync(path, rows);
        await AssertColumnsDecodeLikeParquetNet(path, rows.Count, ["keyword", "user_id"]);
    }

    private static async Task AssertColumnsDecodeLikeParquetNet(string path, int rows, string[] columns)
    {
        foreach (var column in columns)
        {
            Assert.Equal(rows, await AssertDecodesLikeParquetNet(path, column));
        }
    }

    [Fact]
    public async Task A_dictionary_encoded_chunk_gives_each_row_its_entry()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "dictionary.parquet");
        var rows = Enumerable.Range(0, 5_000).Select(i => ((string?)"u", (string?)(i % 2 == 0 ? "even" : "odd"))).ToList();
        ForeignParquetTests.WriteWithDuckDb(path, rows, "SELECT user_id, keyword", "COMPRESSION snappy");
        var (chunk, meta, maxDefinitionLevel) = await FirstChunkAsync(path, "keyword");
        Assert.NotNull(meta.DictionaryPageOffset);
        using var decoded = Utf8StringColumn.Decode(chunk, meta.Codec, maxDefinitionLevel, rows.Count, meta.TotalUncompressedSize);
        Assert.Equal(2, decoded.DictionarySize);
        Assert.True(decoded.TryGet(0, out var first, out int even));
        Assert.True(decoded.TryGet(1, out _, out int odd));
        Assert.Equal("even", Encoding.UTF8.GetString(first));
        Assert.NotEqual(even, odd);
        Assert.True(decoded.TryGet(4_998, out _, out int last));
        Assert.Equal(even, last);
    }

    [Fact]
    public async Task Delta_length_byte_arrays_are_left_to_parquet_net()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "delta.parquet");
        ForeignParquetTests.WriteWithDuckDb(path, Rows(2_000), "SELECT user_id, keyword", "COMPRESSION zstd, PARQUET_VERSION v2, STRING_DICTIONARY_PAGE_SIZE_LIMIT 1");
        await Assert.ThrowsAsync<NotSupportedException>(() => AssertDecodesLikeParquetNet(path, "keyword"));
    }

    [Fact]
    public async Task A_corrupt_page_is_invalid_data()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "plain.parquet");
        ForeignParquetTests.WriteWithDuckDb(path, Rows(2_000), "SELECT user_id, keyword", "COMPRESSION uncompressed, STRING_DICTIONARY_PAGE_SIZE_LIMIT 1");
        var (chunk, meta, maxDefinitionLevel) = await FirstChunkAsync(path, "keyword");
        // Cut short: the chunk's pages no longer hold its rows.
        Assert.Throws<InvalidDataException>(() => Utf8StringColumn.Decode(chunk.AsSpan(0, chunk.Length / 2), meta.Codec, maxDefinitionLevel, 2_000, meta.TotalUncompressedSize));
        // A value length past its page.
        var garbled = (byte[])chunk.Clone();
        garbled.AsSpan(garbled.Length - 200, 200).Fill(0xFF);
        Assert.Throws<InvalidDataException>(() => Utf8StringColumn.Decode(garbled, meta.Codec, maxDefinitionLevel, 2_000, meta.TotalUncompressedSize));
    }
}
