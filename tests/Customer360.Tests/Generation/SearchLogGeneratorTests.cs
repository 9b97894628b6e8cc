using Customer360.Generation;
using Parquet;

namespace Customer360.Tests.Generation;

public class SearchLogGeneratorTests
{
    private static async Task<Dictionary<string, string?[]>> ReadAsync(string path, params string[] names)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(1, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        var columns = new Dictionary<string, string?[]>();
        foreach (var name in names)
        {
            var values = new string?[group.RowCount];
            await group.ReadAsync(reader.Schema.GetDataFields().Single(f => f.Name == name), values.AsMemory());
            columns[name] = values;
        }
        return columns;
    }

    [Fact]
    public async Task A_day_comes_in_time_order_with_users_interleaved_and_event_ids_in_that_order()
    {
        using var temp = new TempFolder();
        var paths = new SearchLogGenerator(4, 3_000).Write(temp.Path, parallelism: 2);
        var day = await ReadAsync(paths[3], "eventID", "datetime", "user_id");
        var times = day["datetime"];
        Assert.True(times.Length > 300, $"only {times.Length} rows");
        for (int i = 1; i < times.Length; i++)
        {
            Assert.True(string.CompareOrdinal(times[i - 1], times[i]) <= 0, $"row {i}: {times[i - 1]} then {times[i]}");
        }
        Assert.Equal(Enumerable.Range(0, times.Length).Select(i => $"20220604-{i:x8}"), day["eventID"]);
        // Users interleaved: a user's searches of the day are not all next to each other.
        var users = day["user_id"].Where(u => !string.IsNullOrWhiteSpace(u)).ToList();
        var apart = users.Select((u, i) => (u, i)).GroupBy(x => x.u).Where(g => g.Count() > 1).Count(g => g.Last().i - g.First().i >= g.Count());
        Assert.True(apart > 10, $"only {apart} users with searches apart");
    }

    [Fact]
    public void Time_order_moves_each_rows_list_with_it_and_keeps_ties_in_row_order()
    {
        var columns = new Dictionary<string, List<string?>>
        {
            ["eventID"] = ["20220601-00000000", "20220601-00000001", "20220601-00000002", "20220601-00000003"],
            ["datetime"] = ["2022-06-01 10:00:00", "2022-06-01 08:00:00", "2022-06-01 10:00:00", "2022-06-01 09:30:00"],
            ["user_id"] = ["A", "B", "C", "D"],
        };
        List<string> plans = ["a1", "b1", "b2", "c1", "d1", "d2", "d3"];
        List<int> levels = [0, 0, 1, 0, 0, 1, 1];

        SearchRowOrder.ByTime(columns, plans, levels);

        Assert.Equal(["B", "D", "A", "C"], columns["user_id"]);
        Assert.Equal(["2022-06-01 08:00:00", "2022-06-01 09:30:00", "2022-06-01 10:00:00", "2022-06-01 10:00:00"], columns["datetime"]);
        Assert.Equal(["20220601-00000000", "20220601-00000001", "20220601-00000002", "20220601-00000003"], columns["eventID"]);
        Assert.Equal(["b1", "b2", "d1", "d2", "d3", "a1", "c1"], plans);
        Assert.Equal([0, 1, 0, 1, 1, 0, 0], levels);
    }
}
