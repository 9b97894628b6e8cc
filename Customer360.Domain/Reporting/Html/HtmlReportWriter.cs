using System.Globalization;
using System.Text;

namespace Customer360.Domain.Reporting.Html;

/// <summary>
/// Renders <c>report.html</c> from a run report and its loads' figures: one self-contained page (inline CSS and SVG, no script, no network) with the
/// content KPIs, the search genres and trend, and the data-quality figures of a run. Every figure carries
/// <c>data-figure</c> (a stable key) and <c>data-value</c> (the exact value, invariant culture) so tools
/// and tests can read the page.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px auto;max-width:1180px;color:#111827;background:#f8fafc}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 10px;border-bottom:2px solid #2563eb;padding-bottom:4px}
        h3{font-size:15px;margin:14px 0 6px;color:#374151}.sub{color:#6b7280;font-size:13px}
        .kpis{display:flex;gap:12px;flex-wrap:wrap}.kpi{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 16px;min-width:150px}
        .kpi .v{font-size:24px;font-weight:bold;display:block}.kpi .k{font-size:12px;color:#6b7280;text-transform:uppercase}
        .grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 16px;break-inside:avoid}
        table{border-collapse:collapse;width:100%;font-size:13px}td,th{padding:3px 6px;border-bottom:1px solid #f1f5f9;text-align:left}td.n{text-align:right}
        svg text{font-size:12px;fill:#111827}svg .tick{font-size:10px}svg .value{fill:#374151}
        @media print{body{background:#fff;margin:0}.grid{grid-template-columns:1fr 1fr}h2{break-after:avoid}}
        """;

    public static string Render(ReportData data)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>Customer 360 report</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Customer 360</h1><div class=\"sub\">");
        if (data.Run is { } run)
        {
            html.Append(Esc(string.Create(Inv, $"Run {run.RunId} · {run.Status} · {run.StartedAtUtc:yyyy-MM-dd HH:mm} UTC · {(run.FinishedAtUtc - run.StartedAtUtc).TotalSeconds:F1}s")));
        }
        html.Append("</div>");
        ContentSection(html, data.Content);
        SearchSection(html, data.Search, data.Trend);
        QualitySection(html, data);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void ContentSection(StringBuilder html, ContentFigures? summary)
    {
        html.Append("<h2>Content</h2>");
        if (summary is not { Contracts: > 0 })
        {
            html.Append("<p>No content data in this run.</p>");
            return;
        }
        html.Append("<div class=\"kpis\">");
        Kpi(html, "Contracts", "contracts", summary.Contracts.ToString(Inv), summary.Contracts.ToString("N0", Inv));
        Kpi(html, "High activity", "high-share", Pct(summary.HighShare), Pct(summary.HighShare) + "%");
        Kpi(html, "Low activity", "low-share", Pct(summary.LowShare), Pct(summary.LowShare) + "%");
        long hours = Hours(summary.TotalSeconds);
        Kpi(html, "Watch hours", "watch-hours", hours.ToString(Inv), hours.ToString("N0", Inv));
        html.Append("</div><div class=\"grid\">");

        var byCategory = summary.SecondsByCategory.Select(c => (c.Name, Hours: Hours(c.Count))).OrderByDescending(c => c.Hours).ToList();
        Card(html, "Watch time by category (hours)", SvgChart.HorizontalBars(byCategory.Select(c => new ChartItem(c.Name, c.Hours, c.Hours.ToString("N0", Inv))).ToList()),
            byCategory.Select(c => ("watch-hours:" + c.Name, c.Name, c.Hours.ToString(Inv), c.Hours.ToString("N0", Inv))));

        var most = summary.MostWatch.OrderByDescending(c => c.Count).ToList();
        Card(html, "Most-watched category (contracts)", SvgChart.HorizontalBars(most.Select(c => new ChartItem(c.Name, c.Count, c.Count.ToString("N0", Inv))).ToList()),
            most.Select(c => ("most-watch:" + c.Name, c.Name, c.Count.ToString(Inv), c.Count.ToString("N0", Inv))));

        var tastes = summary.TopTastes;
        Card(html, "Most common tastes (contracts)", SvgChart.HorizontalBars(tastes.Select(t => new ChartItem(t.Name, t.Count, t.Count.ToString("N0", Inv))).ToList(), width: 560, labelWidth: 340),
            tastes.Select(t => ("taste:" + t.Name, t.Name, t.Count.ToString(Inv), t.Count.ToString("N0", Inv))));

        var days = Enumerable.Range(1, 31).Select(d => (Day: d, Count: summary.ContractsByActiveDays.GetValueOrDefault(d))).ToList();
        Card(html, "Active days per contract", SvgChart.Columns(days.Select(d => new ChartItem(d.Day.ToString(Inv), d.Count, d.Count.ToString("N0", Inv))).ToList()),
            days.Where(d => d.Count > 0).Select(d => ("active-days:" + d.Day.ToString(Inv), d.Day.ToString(Inv) + " days", d.Count.ToString(Inv), d.Count.ToString("N0", Inv))), collapsed: true);
        html.Append("</div>");
    }

    private static void SearchSection(StringBuilder html, SearchFigures? search, TrendFigures? trend)
    {
        html.Append("<h2>Search</h2>");
        if (search is not { Months.Count: > 0 })
        {
            html.Append("<p>No search data in this run.</p>");
            return;
        }
        html.Append("<div class=\"grid\">");
        foreach (var month in search.Months)
        {
            double users = month.Users;
            var shares = month.Genres.Select(g => (Genre: g.Name, Share: g.Count / users)).ToList();
            Card(html, string.Create(Inv, $"Genre share, {month.Month} ({users:N0} users)"),
                SvgChart.StackedShare(shares.Select(s => new ChartItem(s.Genre, s.Share, Pct(s.Share) + "%")).ToList()),
                shares.Select(s => ($"genre-share:{month.Month}:{s.Genre}", s.Genre, Pct(s.Share), Pct(s.Share) + "%")));
        }
        foreach (var pair in trend?.Pairs ?? [])
        {
            string key = string.Create(Inv, $"{pair.MonthFrom}-{pair.MonthTo}");
            double changed = pair.Users == 0 ? 0 : (double)pair.Changed / pair.Users;
            var transitions = pair.TopTransitions;
            var body = new StringBuilder();
            body.Append(SvgChart.StackedShare([new ChartItem("Changed", changed, Pct(changed) + "%"), new ChartItem("Unchanged", 1 - changed, Pct(1 - changed) + "%")]));
            body.Append("<h3>Top genre transitions</h3>");
            body.Append(SvgChart.HorizontalBars(transitions.Select(t => new ChartItem(t.Name, t.Count, t.Count.ToString("N0", Inv))).ToList(), labelWidth: 220));
            Card(html, $"Genre change {pair.MonthFrom} → {pair.MonthTo} ({pair.Users.ToString("N0", Inv)} users in both)", body.ToString(),
                [($"changed-share:{key}", "Changed", Pct(changed), Pct(changed) + "%"),
                 .. transitions.Select(t => ($"transition:{key}:{t.Name}", t.Name, t.Count.ToString(Inv), t.Count.ToString("N0", Inv)))]);
        }
        Card(html, "Top keywords per genre (users whose top keyword it is)", "",
            search.TopKeywords.Select(k => ($"keyword:{k.Genre}:{k.Keyword}", $"{k.Genre} · {k.Keyword}", k.Users.ToString(Inv), k.Users.ToString("N0", Inv))));
        html.Append("</div>");
    }

    private static void QualitySection(StringBuilder html, ReportData data)
    {
        html.Append("<h2>Data quality</h2><div class=\"grid\">");
        if (data.Run is { } run)
        {
            var c = run.Content;
            Card(html, "Content lines", "",
                [("lines-read", "Read", c.LinesRead.ToString(Inv), c.LinesRead.ToString("N0", Inv)),
                 ("lines-accepted", "Accepted", c.Accepted.ToString(Inv), c.Accepted.ToString("N0", Inv)),
                 .. c.Rejected.Select(r => ("rejected:" + r.Key, "Rejected: " + r.Key, r.Value.ToString(Inv), r.Value.ToString("N0", Inv))),
                 .. c.TopUnmappedApps.Select(a => ("unmapped:" + a.AppName, "Unmapped AppName: " + a.AppName, a.Count.ToString(Inv), a.Count.ToString("N0", Inv)))]);
            var s = run.Search;
            var k = run.Classification;
            Card(html, "Search rows and classification", "",
                [("search-rows-read", "Search rows read", s.RowsRead.ToString(Inv), s.RowsRead.ToString("N0", Inv)),
                 ("search-rows-skipped", "Skipped (empty user or keyword)", s.Skipped.ToString(Inv), s.Skipped.ToString("N0", Inv)),
                 ("distinct-keywords", "Distinct top keywords", k.DistinctKeywords.ToString(Inv), k.DistinctKeywords.ToString("N0", Inv)),
                 ("cache-hits", "Cache hits", k.CacheHits.ToString(Inv), k.CacheHits.ToString("N0", Inv)),
                 ("requests", "LLM requests", k.Requests.ToString(Inv), k.Requests.ToString("N0", Inv)),
                 ("tokens-in", "Tokens in", k.InputTokens.ToString(Inv), k.InputTokens.ToString("N0", Inv)),
                 ("tokens-out", "Tokens out", k.OutputTokens.ToString(Inv), k.OutputTokens.ToString("N0", Inv)),
                 ("fallbacks", "Fallbacks to Other", k.Fallbacks.ToString(Inv), k.Fallbacks.ToString("N0", Inv))]);
            var errors = c.FileErrors.Concat(s.FileErrors).ToList();
            Card(html, "Input files with errors", errors.Count == 0 ? "<p>None.</p>" : "",
                [("file-errors", "Files", errors.Count.ToString(Inv), errors.Count.ToString(Inv)),
                 .. errors.Select(e => ("file-error:" + e.File, e.File + ": " + e.Error, "1", "error"))]);
        }
        var sources = data.Search?.Sources ?? [];
        if (sources.Count > 0)
        {
            Card(html, "Who classified the top keywords (users)", SvgChart.StackedShare(sources.Select(s => new ChartItem(s.Name, s.Count, s.Count.ToString("N0", Inv))).ToList()),
                sources.Select(s => ("class-source:" + s.Name, s.Name, s.Count.ToString(Inv), s.Count.ToString("N0", Inv))));
        }
        html.Append("</div>");
    }

    private static void Kpi(StringBuilder html, string label, string key, string value, string display) =>
        html.Append("<div class=\"kpi\"><span class=\"v\">").Append(Figure(key, value, display)).Append("</span><span class=\"k\">").Append(Esc(label)).Append("</span></div>");

    /// <summary>A card: a title, a chart, and the exact figures behind it in a small table.</summary>
    private static void Card(StringBuilder html, string title, string chart, IEnumerable<(string Key, string Label, string Value, string Display)> figures, bool collapsed = false)
    {
        html.Append("<div class=\"card\"><h3>").Append(Esc(title)).Append("</h3>").Append(chart);
        var list = figures.ToList();
        if (list.Count > 0)
        {
            html.Append(collapsed ? "<details><summary>Figures</summary><table>" : "<table>");
            foreach (var (key, label, value, display) in list)
            {
                html.Append("<tr><td>").Append(Esc(label)).Append("</td><td class=\"n\">").Append(Figure(key, value, display)).Append("</td></tr>");
            }
            html.Append(collapsed ? "</table></details>" : "</table>");
        }
        html.Append("</div>");
    }

    private static string Figure(string key, string value, string display) =>
        $"<span data-figure=\"{Esc(key)}\" data-value=\"{Esc(value)}\">{Esc(display)}</span>";

    private static string Esc(string text) => SvgChart.Escape(text);

    /// <summary>A share as a percentage with two decimals.</summary>
    public static string Pct(double share) => (share * 100).ToString("F2", Inv);

    public static long Hours(long seconds) => (long)Math.Round(seconds / 3600.0, MidpointRounding.AwayFromZero);
}
