using System.Globalization;
using System.Text;

namespace Customer360.Domain.Reporting.Html;

/// <summary>
/// The report's charts as inline SVG: horizontal bars (ranked lists), columns (distributions) and one
/// 100% stacked bar (shares). Text is escaped; sizes are fixed so the page prints predictably.
/// </summary>
public static class SvgChart
{
    private static readonly string[] Palette = ["#2563eb", "#16a34a", "#ea580c", "#9333ea", "#0891b2", "#dc2626", "#ca8a04", "#4b5563", "#db2777", "#65a30d", "#7c3aed", "#0d9488", "#b45309", "#475569"];

    public static string Color(int index) => Palette[index % Palette.Length];

    /// <summary>One bar per item, longest first as given, label left, value right.</summary>
    public static string HorizontalBars(IReadOnlyList<ChartItem> items, int width = 560, int labelWidth = 170)
    {
        const int rowHeight = 24;
        int valueWidth = 110;
        double max = items.Count == 0 ? 1 : Math.Max(items.Max(i => i.Value), double.Epsilon);
        var svg = Open(width, Math.Max(rowHeight, items.Count * rowHeight));
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            double barWidth = (width - labelWidth - valueWidth) * item.Value / max;
            int y = i * rowHeight;
            svg.Append(Inv($"<text x=\"{labelWidth - 6}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"label\">{Escape(item.Label)}</text>"));
            svg.Append(Inv($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{barWidth:F1}\" height=\"{rowHeight - 8}\" rx=\"2\" fill=\"{Color(i)}\"><title>{Escape(item.Label)}: {Escape(item.ValueText)}</title></rect>"));
            svg.Append(Inv($"<text x=\"{labelWidth + barWidth + 6:F1}\" y=\"{y + 16}\" class=\"value\">{Escape(item.ValueText)}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Vertical columns for a distribution (e.g. active days 1–31), labels under every column.</summary>
    public static string Columns(IReadOnlyList<ChartItem> items, int width = 560, int height = 180)
    {
        const int axis = 20;
        double max = items.Count == 0 ? 1 : Math.Max(items.Max(i => i.Value), double.Epsilon);
        double slot = items.Count == 0 ? width : (double)width / items.Count;
        var svg = Open(width, height + axis);
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            double h = (height - 4) * item.Value / max;
            double x = i * slot;
            svg.Append(Inv($"<rect x=\"{x + 1:F1}\" y=\"{height - h:F1}\" width=\"{Math.Max(slot - 2, 1):F1}\" height=\"{h:F1}\" fill=\"{Color(0)}\"><title>{Escape(item.Label)}: {Escape(item.ValueText)}</title></rect>"));
            svg.Append(Inv($"<text x=\"{x + (slot / 2):F1}\" y=\"{height + 14}\" text-anchor=\"middle\" class=\"tick\">{Escape(item.Label)}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One 100% bar split into the items' shares, with a legend.</summary>
    public static string StackedShare(IReadOnlyList<ChartItem> items, int width = 560)
    {
        double total = items.Sum(i => i.Value);
        int legendRows = (items.Count + 2) / 3;
        var svg = Open(width, 34 + (legendRows * 20));
        double x = 0;
        for (int i = 0; i < items.Count; i++)
        {
            double w = total <= 0 ? 0 : width * items[i].Value / total;
            svg.Append(Inv($"<rect x=\"{x:F1}\" y=\"0\" width=\"{w:F1}\" height=\"24\" fill=\"{Color(i)}\"><title>{Escape(items[i].Label)}: {Escape(items[i].ValueText)}</title></rect>"));
            x += w;
            int lx = i % 3 * (width / 3), ly = 34 + (i / 3 * 20);
            svg.Append(Inv($"<rect x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{Color(i)}\"/><text x=\"{lx + 16}\" y=\"{ly + 11}\" class=\"tick\">{Escape(items[i].Label)} {Escape(items[i].ValueText)}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Escapes the five markup characters; everything else (Vietnamese included) stays as UTF-8 text.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static StringBuilder Open(int width, int height) =>
        new StringBuilder().Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"));

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
