using System.Globalization;
using System.Text.RegularExpressions;

namespace Customer360.Domain.Content;

/// <summary>A content log's name, <c>YYYYMMDD.json</c> or <c>YYYYMMDD.json.gz</c>; the date of every record in it.</summary>
public sealed partial record ContentLogFileName(string Name, DateOnly Date, bool IsGzip)
{
    /// <summary>The month as <c>YYYYMM</c>.</summary>
    public int Month => (Date.Year * 100) + Date.Month;

    /// <summary>Parses the last path segment of <paramref name="path"/>; null when the name is not a content log.</summary>
    public static ContentLogFileName? TryParse(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var match = Pattern().Match(name);
        if (!match.Success || !DateOnly.TryParseExact(match.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }
        return new ContentLogFileName(name, date, match.Groups[2].Success);
    }

    [GeneratedRegex(@"^(\d{8})\.json(\.gz)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
