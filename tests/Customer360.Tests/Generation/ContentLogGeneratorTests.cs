using System.Text.Json;
using Customer360.Generation;

namespace Customer360.Tests.Generation;

public class ContentLogGeneratorTests
{
    private static List<string> Lines(string folder, string day) =>
        File.ReadAllLines(Path.Combine(folder, day)).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();

    /// <summary>The line's <c>_source</c> as written (its own key order kept), or null for a line that is not JSON.</summary>
    private static string? Source(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("_source", out var source) ? source.GetRawText() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Contract(string line)
    {
        var source = Source(line);
        if (source is null)
        {
            return null;
        }
        using var document = JsonDocument.Parse(source);
        return document.RootElement.TryGetProperty("Contract", out var contract) ? contract.GetString() : null;
    }

    [Fact]
    public void The_same_seed_gives_the_same_files_whatever_the_parallelism()
    {
        using var temp = new TempFolder();
        new ContentLogGenerator(5, 300).Write(temp.Sub("a"), gzipLastDay: false, parallelism: 1);
        new ContentLogGenerator(5, 300).Write(temp.Sub("b"), gzipLastDay: false, parallelism: 2);
        foreach (var file in Directory.GetFiles(temp.Sub("a")).Select(Path.GetFileName))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Path, "a", file!)), File.ReadAllBytes(Path.Combine(temp.Path, "b", file!)));
        }
    }

    [Fact]
    public void A_day_comes_in_time_order_with_contracts_interleaved_and_the_contract_layout_keeps_each_contracts_lines_together()
    {
        using var temp = new TempFolder();
        new ContentLogGenerator(5, 400).Write(temp.Sub("time"), gzipLastDay: false, parallelism: 2);
        new ContentLogGenerator(5, 400, ContentLineOrder.Contract).Write(temp.Sub("contract"), gzipLastDay: false, parallelism: 2);

        var interleaved = Lines(Path.Combine(temp.Path, "time"), "20220405.json").Select(Contract).Where(c => !string.IsNullOrEmpty(c) && c != "0").ToList();
        var grouped = Lines(Path.Combine(temp.Path, "contract"), "20220405.json").Select(Contract).Where(c => !string.IsNullOrEmpty(c) && c != "0").ToList();
        Assert.True(interleaved.Count > 300, $"only {interleaved.Count} lines");

        // Grouped: once a contract's run of lines ends, the contract never comes back.
        Assert.Equal(grouped.Distinct().Count(), Runs(grouped));
        // Interleaved: most contracts with several lines that day have them apart, not in one run.
        int contractsWithSeveral = interleaved.GroupBy(c => c).Count(g => g.Count() > 1);
        Assert.True(contractsWithSeveral > 50, $"only {contractsWithSeveral} contracts with several lines");
        Assert.True(Runs(interleaved) - interleaved.Distinct().Count() > contractsWithSeveral / 2,
            $"{Runs(interleaved)} runs for {interleaved.Distinct().Count()} contracts: the lines are not interleaved");
    }

    [Fact]
    public void Both_layouts_hold_the_same_records_on_a_clean_export()
    {
        using var temp = new TempFolder();
        new ContentLogGenerator(9, 250, ContentLineOrder.Time, badLineShare: 0).Write(temp.Sub("time"), gzipLastDay: false, parallelism: 2);
        new ContentLogGenerator(9, 250, ContentLineOrder.Contract, badLineShare: 0).Write(temp.Sub("contract"), gzipLastDay: false, parallelism: 2);
        foreach (var file in Directory.GetFiles(Path.Combine(temp.Path, "time")).Select(Path.GetFileName))
        {
            var time = Lines(Path.Combine(temp.Path, "time"), file!).Select(Source).ToList();
            var contract = Lines(Path.Combine(temp.Path, "contract"), file!).Select(Source).ToList();
            Assert.DoesNotContain(null, time);
            Assert.NotEqual(contract, time); // another order...
            Assert.Equal(contract.Order(StringComparer.Ordinal), time.Order(StringComparer.Ordinal)); // ...of the same records
        }
    }

    /// <summary>Maximal runs of equal consecutive values.</summary>
    private static int Runs(List<string?> values) => values.Where((v, i) => i == 0 || values[i - 1] != v).Count();
}
