using Customer360.Domain.Tables;
using System.CommandLine;
using Customer360.Cli;
using Customer360.Cli.Commands;
using Customer360.Domain.Content;
using Customer360.Domain.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Content;

/// <summary>The AppName → category map: the design's default, a JSON file replacing it, and every kind of bad file refused up front.</summary>
public class CategoryMapTests
{
    private static string Rec(string contract, string app, long duration) =>
        $"{{\"_source\":{{\"Contract\":\"{contract}\",\"AppName\":\"{app}\",\"TotalDuration\":{duration}}}}}";

    [Fact]
    public void The_default_is_the_original_jobs_table_with_APP_as_truyen_hinh()
    {
        var expected = new Dictionary<string, ContentCategory>
        {
            ["CHANNEL"] = ContentCategory.TruyenHinh, ["DSHD"] = ContentCategory.TruyenHinh, ["KPLUS"] = ContentCategory.TruyenHinh,
            ["KPlus"] = ContentCategory.TruyenHinh, ["APP"] = ContentCategory.TruyenHinh,
            ["VOD"] = ContentCategory.PhimTruyen, ["FIMS_RES"] = ContentCategory.PhimTruyen, ["BHD_RES"] = ContentCategory.PhimTruyen,
            ["VOD_RES"] = ContentCategory.PhimTruyen, ["FIMS"] = ContentCategory.PhimTruyen, ["BHD"] = ContentCategory.PhimTruyen,
            ["DANET"] = ContentCategory.PhimTruyen,
            ["RELAX"] = ContentCategory.GiaiTri, ["CHILD"] = ContentCategory.ThieuNhi, ["SPORT"] = ContentCategory.TheThao,
        };
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), CategoryMap.Default.Entries.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.False(CategoryMap.Default.TryGet("app", out _)); // exact, case-sensitive
    }

    [Fact]
    public async Task An_APP_line_counts_as_truyen_hinh_in_a_run()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Rec("C1", "APP", 30), Rec("C1", "VOD", 30), Rec("C1", "app", 5)]);
        var (report, rows) = await RunAsync(new LocalRunOptions { ContentDirectory = content, OutputDirectory = temp.Sub("out") });
        // 30 s each: the tie goes to Truyền Hình; Taste in the original order puts Phim Truyện first.
        Assert.Equal(new ContentProfileRow(202204, "C1", 30, 30, 0, 0, 0, 0, 1, "Low", "Truyền Hình", "Phim Truyện-Truyền Hình"), Assert.Single(rows));
        Assert.Equal(1, report.Content.Rejected["unmapped_app"]);
        Assert.Equal("app", Assert.Single(report.Content.TopUnmappedApps).AppName);
    }

    [Fact]
    public void A_valid_file_replaces_the_default_wholesale()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "map.json");
        File.WriteAllText(path, """{"APP": "Truyền Hình", "RELAX": "Giải Trí", "IPTV": "Thể Thao", "KIDS": "Thiếu Nhi", "FILM": "Phim Truyện"}""");
        var map = CategoryMapJson.ReadFile(path);
        Assert.Equal(5, map.Entries.Count);
        Assert.True(map.TryGet("IPTV", out var iptv));
        Assert.Equal(ContentCategory.TheThao, iptv);
        Assert.False(map.TryGet("CHANNEL", out _)); // not merged with the default
    }

    [Theory]
    [InlineData("""{"APP": "Truyen Hinh"}""", "\"Truyen Hinh\", which is not a category")]           // no diacritics: not as the outputs write it
    [InlineData("""{"APP": "truyền hình"}""", "which is not a category")]                               // case matters
    [InlineData("""{"APP": "TV"}""", "which is not a category")]
    [InlineData("""{"": "Truyền Hình"}""", "an AppName is empty")]
    [InlineData("""{"  ": "Truyền Hình"}""", "an AppName is empty")]
    [InlineData("""{"APP": "Truyền Hình", "VOD": "Phim Truyện", "APP": "Giải Trí"}""", "AppName \"APP\" is given twice")]
    [InlineData("""{"APP": 1}""", "is not a string")]
    [InlineData("""{"APP": null}""", "is not a string")]
    [InlineData("""["APP"]""", "must be a JSON object")]
    [InlineData("""{}""", "maps no AppName")]
    [InlineData("""{"APP": "Truyền Hình",}""", "not valid JSON")]
    [InlineData("""{"APP": "Truyền Hình"} {"VOD": "Phim Truyện"}""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    public void Each_kind_of_bad_file_is_refused_with_an_error_naming_it(string json, string reason)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "map.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<InvalidDataException>(() => CategoryMapJson.ReadFile(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused() =>
        Assert.Contains("cannot be read", Assert.Throws<InvalidDataException>(() => CategoryMapJson.ReadFile("/nonexistent/c360-map.json")).Message, StringComparison.Ordinal);

    [Fact]
    public void The_cli_refuses_a_bad_map_before_any_work_starts()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "map.json");
        File.WriteAllText(path, """{"APP": "Truyền Hình", "APP": "Giải Trí"}""");
        var (options, error) = Bind("--content", temp.Sub("content"), "--out", Path.Combine(temp.Path, "out"), "--category-map", path);
        Assert.Null(options);
        Assert.Contains("AppName \"APP\" is given twice", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));

        File.WriteAllText(path, """{"APP": "Giải Trí"}""");
        (options, error) = Bind("--content", temp.Sub("content"), "--out", Path.Combine(temp.Path, "out"), "--category-map", path);
        Assert.Null(error);
        Assert.True(options!.Settings.CategoryMap.TryGet("APP", out var app));
        Assert.Equal(ContentCategory.GiaiTri, app);
    }

    [Fact]
    public void The_app_setting_takes_the_json_itself_or_a_path()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "map.json");
        File.WriteAllText(path, """{"SPORT": "Thể Thao"}""");
        Assert.Equal(["SPORT"], Bound(path).CategoryMap.Entries.Keys);
        Assert.Equal(["RELAX"], Bound("""  {"RELAX": "Giải Trí"}""").CategoryMap.Entries.Keys);
        Assert.Same(CategoryMap.Default, Bound("").CategoryMap);
        var error = Assert.Throws<SettingsException>(() => Bound("""{"RELAX": "Other"}"""));
        Assert.Contains(AppSettingNames.CategoryMap, error.Message, StringComparison.Ordinal);

        static PipelineSettings Bound(string value) => PipelineSettings.Bind(SettingSource.FromAppSettings(Setting(value)));
        static Func<string, string?> Setting(string value) => name => name == AppSettingNames.CategoryMap ? value : null;
    }

    [Fact]
    public async Task A_changed_map_changes_the_partials_key_so_a_rerun_remaps_every_day()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        var output = temp.Sub("out");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Rec("C1", "CHANNEL", 10), Rec("C1", "APP", 5)]);
        File.WriteAllLines(Path.Combine(content, "20220402.json"), [Rec("C1", "RELAX", 7)]);
        var options = new LocalRunOptions { ContentDirectory = content, OutputDirectory = output };

        var (first, rows) = await RunAsync(options);
        Assert.Equal(0, first.Content.FilesReused);
        Assert.Equal((15L, 7L, "Truyền Hình"), (rows[0].TruyenHinh, rows[0].GiaiTri, rows[0].MostWatch));

        var mapPath = Path.Combine(temp.Path, "map.json");
        File.WriteAllText(mapPath, """{"CHANNEL": "Truyền Hình", "APP": "Giải Trí", "RELAX": "Giải Trí"}""");
        var remapped = options with { Settings = new PipelineSettings { CategoryMap = CategoryMapJson.ReadFile(mapPath) } };
        var (second, rows2) = await RunAsync(remapped);
        Assert.Equal(0, second.Content.FilesReused);
        Assert.Equal((10L, 12L, "Giải Trí", "Giải Trí-Truyền Hình"), (rows2[0].TruyenHinh, rows2[0].GiaiTri, rows2[0].MostWatch, rows2[0].Taste));

        var (third, rows3) = await RunAsync(remapped);
        Assert.Equal(2, third.Content.FilesReused);
        Assert.Equal(rows2, rows3);
    }

    private static async Task<(Domain.Reporting.RunReport Report, List<ContentProfileRow> Rows)> RunAsync(LocalRunOptions options)
    {
        var (_, report) = await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);
        return (report, ContentProfileCsv.Read(Path.Combine(options.OutputDirectory, OutputLayout.File("content_profile", 202204, OutputLayout.CsvExtension))).ToList());
    }

    internal static (LocalRunOptions? Options, string? Error) Bind(params string[] args)
    {
        var set = new RunOptionSet();
        var command = new Command("run");
        set.AddTo(command);
        return set.Bind(command.Parse(args));
    }
}
