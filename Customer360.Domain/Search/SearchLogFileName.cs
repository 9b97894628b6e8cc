using System.Globalization;
using System.Text.RegularExpressions;

namespace Customer360.Domain.Search;

/// <summary>
/// A search log's path relative to the search source: <c>YYYYMMDD/&lt;name&gt;.parquet</c> (files directly
/// inside a day folder) or <c>YYYYMMDD.parquet</c>. The month of every row is the month of this date.
/// </summary>
public sealed partial record SearchLogFileName(string RelativePath, DateOnly Date)
{
    public int Month => (Date.Year * 100) + Date.Month;

    public static SearchLogFileName? TryParse(string relativePath)
    {
        var match = Pattern().Match(relativePath);
        if (!match.Success)
        {
            return null;
        }
        var digits = match.Groups["folder"].Success ? match.Groups["folder"].Value : match.Groups["file"].Value;
        return DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new SearchLogFileName(relativePath, date)
            : null;
    }

    [GeneratedRegex(@"^(?:(?<folder>\d{8})/[^/]+\.parquet|(?<file>\d{8})\.parquet)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
