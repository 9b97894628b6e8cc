using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Customer360.Cli;
using Customer360.Domain.Content;
using Customer360.Domain.Reporting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Pipeline;

/// <summary>The whole content pipeline on local folders, with hand-computed expectations.</summary>
public class ContentPipelineTests
{
    private static string Rec(string contract, string app, long duration, string? mac = null) =>
        mac is null
            ? $"{{\"_source\":{{\"Contract\":\"{contract}\",\"AppName\":\"{app}\",\"TotalDuration\":{duration}}}}}"
            : $"{{\"_source\":{{\"Mac\":\"{mac}\",\"Contract\":\"{contract}\",\"AppName\":\"{app}\",\"TotalDuration\":{duration}}}}}";

    private static async Task<(RunReport Report, Dictionary<string, ContentProfileRow> Rows, int Exit)> RunAsync(string content, string output, int shards = 4, int parallelism = 2)
    {
        var options = new LocalRunOptions { ContentDirectory = content, OutputDirectory = output, Settings = new() { Shards = shards }, Parallelism = parallelism };
        var (result, report) = await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);
        var rows = OutputFiles.ReadContentProfile(output).ToDictionary(r => $"{r.Month}/{r.Contract}");
        return (report, rows, result.InputErrors ? 2 : 0);
    }

    [Fact]
    public async Task Aggregates_a_contract_across_days_devices_and_categories()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"),
        [
            Rec("C1", "CHANNEL", 100, "aa:bb"),
            Rec("C1", "VOD", 50, "AABB"),       // same device, other spelling
            Rec("C2", "SPORT", 10),
            Rec("0", "CHANNEL", 999),           // bad contract
        ]);
        File.WriteAllLines(Path.Combine(content, "20220402.json"),
        [
            Rec("C1", "KPlus", 20, "CC-DD"),
            Rec("C1", "IPTV", 20, "EE"),        // unmapped: its device must not count
            Rec("C2", "CHILD", 10, " "),
        ]);
        using (var gz = new GZipStream(File.Create(Path.Combine(content, "20220402.json.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(Rec("C1", "RELAX", 5) + "\n")); // same date, second file: still one active day
        }
        File.WriteAllLines(Path.Combine(content, "20220501.json"), [Rec("C1", "SPORT", 7)]);
        File.WriteAllText(Path.Combine(content, "notes.txt"), "ignored");
        File.WriteAllText(Path.Combine(content, "2022040.json"), "ignored");

        var (report, rows, exit) = await RunAsync(content, temp.Sub("out"));

        Assert.Equal(0, exit);
        Assert.Equal(3, rows.Count);
        Assert.Equal(new ContentProfileRow(202204, "C1", 120, 50, 5, 0, 0, 2, 2, "Low", "Truyền Hình", "Giải Trí-Phim Truyện-Truyền Hình"), rows["202204/C1"]);
        Assert.Equal(new ContentProfileRow(202204, "C2", 0, 0, 0, 10, 10, 0, 2, "Low", "Thể Thao", "Thể Thao-Thiếu Nhi"), rows["202204/C2"]); // tie → Thể Thao (the original's order)
        Assert.Equal(new ContentProfileRow(202205, "C1", 0, 0, 0, 0, 7, 0, 1, "Low", "Thể Thao", "Thể Thao"), rows["202205/C1"]);

        Assert.Equal(9, report.Content.LinesRead);
        Assert.Equal(7, report.Content.Accepted);
        Assert.Equal(1, report.Content.Rejected["bad_contract"]);
        Assert.Equal(1, report.Content.Rejected["unmapped_app"]);
        Assert.Equal("IPTV", Assert.Single(report.Content.TopUnmappedApps).AppName);
        Assert.Equal(2, report.IgnoredFiles.Count);
        Assert.Equal(3, report.Tables.Single(t => t.Name == "content_profile").Rows);
        Assert.Equal(2, report.Tables.Single(t => t.Name == "customer_360").Rows); // C1 (latest month: May) and C2
    }

    [Fact]
    public async Task Fifteen_active_days_across_files_is_high()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        for (int day = 1; day <= 15; day++)
        {
            File.WriteAllLines(Path.Combine(content, $"202204{day:D2}.json"), [Rec("HIGH", "CHANNEL", 1), day <= 14 ? Rec("LOW", "CHANNEL", 1) : ""]);
        }
        var (_, rows, _) = await RunAsync(content, temp.Sub("out"));
        Assert.Equal((15, "High"), (rows["202204/HIGH"].ActiveDays, rows["202204/HIGH"].ActiveLevel));
        Assert.Equal((14, "Low"), (rows["202204/LOW"].ActiveDays, rows["202204/LOW"].ActiveLevel));
    }

    [Fact]
    public async Task A_corrupt_gzip_completes_the_run_with_exit_code_2_and_reports_the_file()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Rec("C1", "CHANNEL", 1)]);
        File.WriteAllBytes(Path.Combine(content, "20220402.json.gz"), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]);
        var (report, rows, exit) = await RunAsync(content, temp.Sub("out"));
        Assert.Equal(2, exit);
        Assert.Equal(RunReport.CompletedWithInputErrors, report.Status);
        Assert.Equal("20220402.json.gz", Assert.Single(report.Content.FileErrors).File);
        Assert.Single(rows);
    }

    [Fact]
    public async Task A_rerun_reuses_unchanged_days_and_remaps_a_changed_one()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        var output = temp.Sub("out");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Rec("C1", "CHANNEL", 1)]);
        File.WriteAllLines(Path.Combine(content, "20220402.json"), [Rec("C1", "CHANNEL", 2)]);
        await RunAsync(content, output);
        var first = await File.ReadAllBytesAsync(OutputFiles.Csv(output, ContentProfileTable.Name, 202204));

        var (again, _, _) = await RunAsync(content, output);
        Assert.Equal(2, again.Content.FilesReused);
        Assert.Equal(first, await File.ReadAllBytesAsync(OutputFiles.Csv(output, ContentProfileTable.Name, 202204)));

        File.WriteAllLines(Path.Combine(content, "20220402.json"), [Rec("C1", "CHANNEL", 2), Rec("C1", "VOD", 3)]);
        File.SetLastWriteTimeUtc(Path.Combine(content, "20220402.json"), DateTime.UtcNow.AddMinutes(1));
        var (changed, rows, _) = await RunAsync(content, output);
        Assert.Equal(1, changed.Content.FilesReused);
        Assert.Equal("20220402.json", Assert.Single(changed.Inputs, i => !i.Reused).Name);
        Assert.Equal(3, rows["202204/C1"].PhimTruyen);
    }

    [Fact]
    public async Task Csv_is_utf8_without_bom_with_the_documented_header_and_rfc4180_quoting()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Rec("A,\\\"B\\\"", "CHANNEL", 1), Rec("Đức", "VOD", 1234567)]);
        var output = temp.Sub("out");
        await RunAsync(content, output);
        var bytes = await File.ReadAllBytesAsync(OutputFiles.Csv(output, ContentProfileTable.Name, 202204));
        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("month,contract,truyen_hinh,phim_truyen,giai_tri,thieu_nhi,the_thao,total_devices,active_days,active_level,most_watch,taste\r\n", text, StringComparison.Ordinal);
        Assert.Contains("202204,\"A,\"\"B\"\"\",1,0,0,0,0,0,1,Low,Truyền Hình,Truyền Hình\r\n", text, StringComparison.Ordinal);
        Assert.Contains("202204,Đức,0,1234567,0,0,0,0,1,Low,Phim Truyện,Phim Truyện\r\n", text, StringComparison.Ordinal);
        Assert.True(File.Exists(OutputFiles.Parquet(output, ContentProfileTable.Name, 202204)));
    }

    [Fact]
    public async Task Run_report_json_has_inputs_rejections_stages_and_tables()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Rec("C1", "CHANNEL", 1), "oops"]);
        var output = temp.Sub("out");
        await RunAsync(content, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(OutputFiles.LatestRunFile(output, "run_report.json")));
        var root = doc.RootElement;
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("content").GetProperty("rejected").GetProperty("malformed").GetInt64());
        Assert.Equal(7, root.GetProperty("content").GetProperty("rejected").EnumerateObject().Count());
        Assert.Contains(root.GetProperty("stages").EnumerateArray(), s => s.GetProperty("stage").GetString() == "map_content");
        Assert.Equal("content_profile", root.GetProperty("tables")[0].GetProperty("name").GetString());
        Assert.Contains("rejected malformed: 1", await File.ReadAllTextAsync(OutputFiles.LatestRunFile(output, "run_report.txt")), StringComparison.Ordinal);
    }
}
