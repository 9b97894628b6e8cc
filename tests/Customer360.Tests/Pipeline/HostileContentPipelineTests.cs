using Customer360.Domain.Hosting;
using Customer360.Domain.Tables;
using System.IO.Compression;
using System.Text;
using Customer360.Cli;
using Customer360.Domain.Content;
using Customer360.Domain.Reporting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Pipeline;

/// <summary>
/// A month with every kind of hostile content input beside valid days: each shows in the run report, the
/// rest of the month is processed, and the tables are exactly those of the valid lines alone.
/// </summary>
public class HostileContentPipelineTests
{
    private static string Rec(string contract, string app, long duration) =>
        $"{{\"_source\":{{\"Contract\":\"{contract}\",\"AppName\":\"{app}\",\"TotalDuration\":{duration}}}}}";

    private static async Task<(RunReport Report, byte[] Csv, int Exit)> RunAsync(string content, string output)
    {
        var options = new LocalRunOptions { ContentDirectory = content, OutputDirectory = output, Parallelism = 2, Settings = new PipelineSettings { Shards = 4 } };
        var (result, report) = await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);
        return (report, await File.ReadAllBytesAsync(Path.Combine(output, OutputLayout.File("content_profile", 202204, OutputLayout.CsvExtension))), result.InputErrors ? 2 : 0);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }
        return output.ToArray();
    }

    [Fact]
    public async Task Hostile_files_and_lines_are_reported_and_the_valid_lines_give_the_same_tables()
    {
        using var temp = new TempFolder();
        var hostile = temp.Sub("hostile");
        var clean = temp.Sub("clean");
        string[] day1 = [Rec("C1", "VOD", 10), Rec("C2", "SPORT", 20)];
        string[] day2 = [Rec("C1", "CHANNEL", 5), Rec("C3", "CHILD", 7)];
        string[] day3 = [Rec("C2", "RELAX", 3)];

        // Day 1: valid lines around hostile ones.
        var tooLong = "{\"pad\":\"" + new string('x', ContentLogScanner.MaxLineBytes + 10) + "\"}";
        var deep = string.Concat(Enumerable.Repeat("[", 10_000)) + new string(']', 10_000);
        var nul = "\0\0{\"_source\":\0}";
        var badUtf8 = Encoding.UTF8.GetBytes(Rec("C9", "VOD", 1)).Select(b => b == (byte)'9' ? (byte)0xFF : b).ToArray();
        using (var file = File.Create(Path.Combine(hostile, "20220401.json")))
        {
            foreach (var line in new[] { day1[0], tooLong, deep, nul })
            {
                file.Write(Encoding.UTF8.GetBytes(line + "\n"));
            }
            file.Write([.. badUtf8, (byte)'\n']);
            file.Write(Encoding.UTF8.GetBytes(day1[1] + "\n"));
        }
        // Day 2: a multi-member gzip, as a shipper appends it.
        File.WriteAllBytes(Path.Combine(hostile, "20220402.json.gz"), [.. Gzip(day2[0] + "\n"), .. Gzip(day2[1] + "\n")]);
        // Day 3: fine. Days 4-7: a .json that is gzip, a .json.gz that is plain text, two empty files.
        File.WriteAllLines(Path.Combine(hostile, "20220403.json"), day3);
        File.WriteAllBytes(Path.Combine(hostile, "20220404.json"), Gzip(Rec("G1", "VOD", 1) + "\n"));
        File.WriteAllText(Path.Combine(hostile, "20220405.json.gz"), Rec("P1", "VOD", 1) + "\n");
        File.WriteAllBytes(Path.Combine(hostile, "20220406.json"), []);
        File.WriteAllBytes(Path.Combine(hostile, "20220407.json.gz"), []);

        File.WriteAllLines(Path.Combine(clean, "20220401.json"), day1);
        File.WriteAllLines(Path.Combine(clean, "20220402.json"), day2);
        File.WriteAllLines(Path.Combine(clean, "20220403.json"), day3);

        var (report, csv, exit) = await RunAsync(hostile, temp.Sub("out"));
        var (_, cleanCsv, cleanExit) = await RunAsync(clean, temp.Sub("clean-out"));

        Assert.Equal(0, cleanExit);
        Assert.Equal(cleanCsv, csv);
        Assert.Equal(2, exit);
        Assert.Equal(RunReport.CompletedWithInputErrors, report.Status);
        Assert.Equal(1, report.Content.Rejected["line_too_long"]);
        Assert.Equal(3, report.Content.Rejected["malformed"]);
        Assert.Equal(5, report.Content.Accepted);
        Assert.Equal(
            [("20220404.json", "rename it to .json.gz"), ("20220405.json.gz", "not gzip-compressed")],
            report.Content.FileErrors.Select(e => (e.File, e.Error.Contains("rename it to .json.gz", StringComparison.Ordinal) ? "rename it to .json.gz" : e.Error.Contains("not gzip-compressed", StringComparison.Ordinal) ? "not gzip-compressed" : e.Error)).OrderBy(e => e.File, StringComparer.Ordinal));
        Assert.Equal(7, report.Content.Files);
        Assert.All(report.Inputs.Where(i => i.Name is "20220406.json" or "20220407.json.gz"), i => Assert.Equal((0, null), (i.LinesRead, i.Error)));
    }
}
