using System.Globalization;
using Customer360.Domain.Content;
using FsCheck.Xunit;

namespace Customer360.Tests.Pipeline;

/// <summary>
/// The content profile does not depend on file order, shard count or parallelism, and equals a
/// straightforward LINQ model of DESIGN §4 computed from the generated records.
/// </summary>
public class ContentPropertyTests
{
    private static readonly string[] Apps = ["CHANNEL", "KPLUS", "APP", "VOD", "FIMS", "RELAX", "CHILD", "SPORT", "IPTV"];

    private sealed record Rec(DateOnly Date, string Contract, string App, long Duration, string? Mac);

    [Property(MaxTest = 12)]
    public bool Profile_is_independent_of_file_order_shards_and_parallelism(int seed, byte shardSeed, byte parallelSeed)
    {
        int shards = 1 + (shardSeed % 9);
        int parallelism = 1 + (parallelSeed % 4);
        var records = Generate(seed);
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        foreach (var day in records.GroupBy(r => r.Date))
        {
            File.WriteAllLines(
                Path.Combine(content, day.Key.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".json"),
                day.Select(ToLine));
        }

        var expected = Model(records);
        var actual = Run(content, temp.Sub("out"), shards, parallelism, shuffleSeed: seed);
        return expected.SequenceEqual(actual);
    }

    private static List<Rec> Generate(int seed)
    {
        var rng = new Random(seed);
        var list = new List<Rec>();
        int contracts = 1 + rng.Next(40);
        for (int i = 0, n = rng.Next(300); i < n; i++)
        {
            var date = new DateOnly(2022, 4 + rng.Next(2), 1 + rng.Next(30));
            string? mac = rng.Next(4) == 0 ? null : $"{(char)('a' + rng.Next(4))}{rng.Next(3)}:{rng.Next(2)}";
            list.Add(new Rec(date, "K" + rng.Next(contracts), Apps[rng.Next(Apps.Length)], rng.Next(-2, 5000), mac));
        }
        return list;
    }

    private static string ToLine(Rec r) =>
        $"{{\"_source\":{{\"Contract\":\"{r.Contract}\",\"AppName\":\"{r.App}\",\"TotalDuration\":{r.Duration}{(r.Mac is null ? "" : $",\"Mac\":\"{r.Mac}\"")}}}}}";

    /// <summary>DESIGN §4, written the obvious way.</summary>
    private static List<ContentProfileRow> Model(List<Rec> records)
    {
        var names = new[] { "Truyền Hình", "Phim Truyện", "Giải Trí", "Thiếu Nhi", "Thể Thao" };
        return records
            .Where(r => r.Duration > 0 && CategoryMap.Default.TryGet(r.App, out _))
            .GroupBy(r => (Month: (r.Date.Year * 100) + r.Date.Month, r.Contract))
            .Select(g =>
            {
                var s = new long[5];
                foreach (var r in g)
                {
                    CategoryMap.Default.TryGet(r.App, out var c);
                    s[(int)c] += r.Duration;
                }
                int days = g.Select(r => r.Date).Distinct().Count();
                int devices = g.Select(r => r.Mac is null ? "" : MacAddress.Normalize(r.Mac)).Where(m => m.Length > 0).Distinct().Count();
                // Columns: 0 TH, 1 PT, 2 GT, 3 TN, 4 TT. Ties: TH, PT, TT, TN, GT. Taste: GT, PT, TT, TN, TH.
                int most = new[] { 0, 1, 4, 3, 2 }.First(i => s[i] == s.Max());
                var taste = string.Join('-', new[] { 2, 1, 4, 3, 0 }.Where(i => s[i] > 0).Select(i => names[i]));
                return new ContentProfileRow(g.Key.Month, g.Key.Contract, s[0], s[1], s[2], s[3], s[4], devices, days, days >= 15 ? "High" : "Low", names[most], taste);
            })
            .OrderBy(r => r.Month).ThenBy(r => r.Contract, StringComparer.Ordinal)
            .ToList();
    }

    private static List<ContentProfileRow> Run(string content, string output, int shards, int parallelism, int shuffleSeed)
    {
        var tables = PipelineHarness.Run(new PipelineHarness.Sources(content, null), output, shards, parallelism, shuffleSeed);
        var table = tables[ContentProfileTable.Name];
        return Enumerable.Range(0, table.RowCount).Select(i =>
        {
            object?[] v = table.Columns.Select(c => c.GetValue(i)).ToArray();
            return new ContentProfileRow((int)v[0]!, (string)v[1]!, (long)v[2]!, (long)v[3]!, (long)v[4]!, (long)v[5]!, (long)v[6]!,
                (int)v[7]!, (int)v[8]!, (string)v[9]!, (string)v[10]!, (string)v[11]!);
        }).ToList();
    }
}
