using Customer360.Domain.Search;

namespace Customer360.Tests.Search;

public class SearchLogReaderTests
{
    private static async Task<(SearchFileStats Stats, List<(string, string)> Rows)> ReadAsync(string path)
    {
        var rows = new List<(string, string)>();
        await using var stream = File.OpenRead(path);
        var stats = await SearchLogReader.ReadAsync(stream, (u, k) => rows.Add((u, k)), CancellationToken.None);
        return (stats, rows);
    }

    [Fact]
    public async Task Reads_user_and_normalised_keyword_and_skips_empty_rows()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "20220601", "part-0.parquet");
        await SearchParquet.WriteAsync(path, [(" U1 ", " Phim  Truyện"), ("U2", null), (null, "vtv3"), ("  ", "vtv3"), ("U3", "   "), ("U3", "VTV3")]);
        var (stats, rows) = await ReadAsync(path);
        Assert.Equal(new SearchFileStats(6, 2, 4, null), stats);
        Assert.Equal([("U1", "phim truyện"), ("U3", "vtv3")], rows);
    }

    [Fact]
    public async Task A_missing_column_is_reported_as_schema_drift_not_thrown()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "x.parquet");
        await SearchParquet.WriteWithoutKeywordAsync(path);
        var (stats, rows) = await ReadAsync(path);
        Assert.Contains("schema drift: column 'keyword' is missing", stats.Error, StringComparison.Ordinal);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task A_corrupt_file_is_reported_not_thrown()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "x.parquet");
        await File.WriteAllTextAsync(path, "this is not parquet at all");
        var (stats, _) = await ReadAsync(path);
        Assert.NotNull(stats.Error);
    }

    [Theory]
    [InlineData("20220601/part-0.parquet", 202206)]
    [InlineData("20220731.parquet", 202207)]
    public void File_names_give_the_month(string name, int month) => Assert.Equal(month, SearchLogFileName.TryParse(name)!.Month);

    [Theory]
    [InlineData("20220601/sub/part-0.parquet")]
    [InlineData("20220601/part-0.csv")]
    [InlineData("2022061/part-0.parquet")]
    [InlineData("20221301.parquet")]
    public void Other_names_are_not_search_logs(string name) => Assert.Null(SearchLogFileName.TryParse(name));
}
