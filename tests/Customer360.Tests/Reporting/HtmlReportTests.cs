using System.Text.RegularExpressions;
using System.Xml.Linq;
using Customer360.Domain.Reporting;
using Customer360.Domain.Reporting.Html;
using Customer360.Domain.Search;

namespace Customer360.Tests.Reporting;

public partial class HtmlReportTests
{
    [Fact]
    public void Bars_are_proportional_and_the_svg_is_well_formed()
    {
        var svg = SvgChart.HorizontalBars([new ChartItem("a", 100, "100"), new ChartItem("b", 25, "25")], width: 500, labelWidth: 100);
        var doc = XDocument.Parse(svg);
        var widths = doc.Descendants().Where(e => e.Name.LocalName == "rect").Select(e => double.Parse(e.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, widths.Count);
        Assert.Equal(4.0, widths[0] / widths[1], 3);
    }

    [Fact]
    public void Text_is_escaped_everywhere()
    {
        const string evil = "<script>alert(1)</script> & \"x\"";
        Assert.DoesNotContain("<script>", SvgChart.HorizontalBars([new ChartItem(evil, 1, evil)]), StringComparison.Ordinal);
        var html = HtmlReportWriter.Render(new ReportData(null, null, SearchFigures.From([new TopKeywordRow(202206, "U1", evil, 3, "Drama", "llm")]), null));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Vietnamese_labels_are_kept_and_the_page_is_self_contained()
    {
        var html = HtmlReportWriter.Render(new ReportData(null,
            ContentFigures.From([new Domain.Content.ContentProfileRow(202204, "C1", 7200, 3600, 0, 0, 0, 1, 20, "High", "Truyền Hình", "Truyền Hình-Phim Truyện")]), null, null));
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"watch-hours:Truyền Hình\" data-value=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"high-share\" data-value=\"100.00\"", html, StringComparison.Ordinal);
        Assert.Contains("No search data in this run.", html, StringComparison.Ordinal);
        // No external resources: nothing is fetched when the page opens.
        Assert.DoesNotMatch(ExternalResource(), html);
    }

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
