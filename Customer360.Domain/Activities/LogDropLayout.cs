using Customer360.Domain.Content;
using Customer360.Domain.Search;

namespace Customer360.Domain.Activities;

/// <summary>
/// The operator's drop layout (DESIGN §1), and the one place that says which month a log belongs to:
/// <c>content/YYYYMMDD.json[.gz]</c> (directly under <c>content/</c>), <c>search/YYYYMMDD/*.parquet</c>,
/// <c>search/YYYYMMDD.parquet</c>. The plan step, the blob trigger's scheduler and the local watcher all ask here,
/// so a file that starts a run is a file the run reads, and the other way round.
/// </summary>
public static class LogDropLayout
{
    public const string ContentPrefix = "content/";
    public const string SearchPrefix = "search/";

    /// <summary>The month of a content log, by its name relative to the content folder (no subfolders), or null.</summary>
    public static int? ContentMonth(string relativeName) =>
        relativeName.Contains('/', StringComparison.Ordinal) ? null : ContentLogFileName.TryParse(relativeName)?.Month;

    /// <summary>The month of a search log, by its name relative to the search folder, or null.</summary>
    public static int? SearchMonth(string relativeName) => SearchLogFileName.TryParse(relativeName)?.Month;

    /// <summary>The month of a blob in the drop container (<c>content/…</c> or <c>search/…</c>), or null when it is not a log.</summary>
    public static int? MonthOf(string blobName) =>
        blobName.StartsWith(ContentPrefix, StringComparison.Ordinal) ? ContentMonth(blobName[ContentPrefix.Length..])
        : blobName.StartsWith(SearchPrefix, StringComparison.Ordinal) ? SearchMonth(blobName[SearchPrefix.Length..])
        : null;
}
