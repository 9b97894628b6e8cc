using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Customer360.Cli;
using Customer360.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.IntegrationTests.Report;

/// <summary>report.html of a generated run, rendered in headless Chromium: no console errors, and the figures equal the tables.</summary>
public partial class HtmlReportBrowserTests
{
    [Fact]
    public async Task The_report_renders_cleanly_and_shows_the_figures_of_the_output_tables()
    {
        var chromium = RequiredService.Get("C360_TEST_CHROMIUM");
        using var temp = new TempFolder();
        var data = temp.Sub("data");
        new ContentLogGenerator(11, 400).Write(Path.Combine(data, "content"), gzipLastDay: true, parallelism: 2);
        new SearchLogGenerator(11, 300).Write(Path.Combine(data, "search"), parallelism: 2);
        var output = temp.Sub("out");
        var (_, run) = await LocalPipelineRunner.RunAsync(new LocalRunOptions
        {
            ContentDirectory = Path.Combine(data, "content"),
            SearchDirectory = Path.Combine(data, "search"),
            OutputDirectory = output,
        }, NullLoggerFactory.Instance, null, CancellationToken.None);
        var page = new Uri(Path.Combine(output, "runs", run.RunId, "report.html")).AbsoluteUri;

        var screenshot = Path.Combine(output, "report.png");
        var (_, shotLog) = await RunChromiumAsync(chromium, temp, $"--screenshot={screenshot} --window-size=1280,2400 {page}");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "no screenshot written: " + shotLog);
        var (dom, log) = await RunChromiumAsync(chromium, temp, $"--dump-dom {page}");
        Assert.DoesNotContain("CONSOLE", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to load resource", log, StringComparison.Ordinal);
        Assert.Contains("<h1>Customer 360</h1>", dom, StringComparison.Ordinal);

        var figures = FigurePattern().Matches(dom).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

        // Content figures, recomputed here from the content_profile CSV files (the page is built from the run report's figures).
        var profile = OutputFiles.ReadContentProfile(output);
        Assert.Equal(profile.Count.ToString(CultureInfo.InvariantCulture), figures["contracts"]);
        Assert.Equal(Pct(profile.Count(r => r.ActiveLevel == "High"), profile.Count), figures["high-share"]);
        Assert.Equal(Hours(profile.Sum(r => r.TruyenHinh)), figures["watch-hours:Truyền Hình"]);
        Assert.Equal(Hours(profile.Sum(r => r.TheThao)), figures["watch-hours:Thể Thao"]);
        Assert.Equal(profile.Count(r => r.MostWatch == "Phim Truyện").ToString(CultureInfo.InvariantCulture), figures["most-watch:Phim Truyện"]);
        Assert.Equal(profile.Count(r => r.ActiveDays == 20).ToString(CultureInfo.InvariantCulture), figures["active-days:20"]);

        // Search figures, from the search_top_keyword and search_trend CSV files.
        var tops = OutputFiles.ReadCsvRows(output, "search_top_keyword");
        var june = tops.Where(r => r[0] == "202206").ToList();
        Assert.Equal(Pct(june.Count(r => r[4] == "Drama"), june.Count), figures["genre-share:202206:Drama"]);
        var trend = OutputFiles.ReadCsvRows(output, "search_trend");
        Assert.Equal(Pct(trend.Count(r => r[7] == "Changed"), trend.Count), figures["changed-share:202206-202207"]);
        var topTransition = trend.Where(r => r[7] == "Changed").GroupBy(r => r[8]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        Assert.Equal(topTransition.Count().ToString(CultureInfo.InvariantCulture), figures["transition:202206-202207:" + topTransition.Key]);
        Assert.Equal(tops.Count(r => r[5] == "rules").ToString(CultureInfo.InvariantCulture), figures["class-source:rules"]);

        // Data quality, from run_report.json.
        using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "runs", run.RunId, "run_report.json")));
        var content = report.RootElement.GetProperty("content");
        Assert.Equal(content.GetProperty("linesRead").GetInt64().ToString(CultureInfo.InvariantCulture), figures["lines-read"]);
        Assert.Equal(content.GetProperty("rejected").GetProperty("malformed").GetInt64().ToString(CultureInfo.InvariantCulture), figures["rejected:malformed"]);
        Assert.Equal("0", figures["file-errors"]);
    }

    private static string Pct(int part, int total) => (100.0 * part / total).ToString("F2", CultureInfo.InvariantCulture);

    private static string Hours(long seconds) => ((long)Math.Round(seconds / 3600.0, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    private static async Task<(string Stdout, string Stderr)> RunChromiumAsync(string chromium, TempFolder temp, string arguments)
    {
        var profile = temp.Sub("chrome-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo(chromium,
            "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update " +
            $"--disable-sync --disable-dev-shm-usage --hide-scrollbars --enable-logging=stderr --v=0 --virtual-time-budget=3000 --user-data-dir={profile} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (await stdout, await stderr);
    }

    [GeneratedRegex("data-figure=\"([^\"]*)\" data-value=\"([^\"]*)\"")]
    private static partial Regex FigurePattern();
}
