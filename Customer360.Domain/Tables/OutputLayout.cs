using System.Globalization;

namespace Customer360.Domain.Tables;

/// <summary>
/// Where every file output lives in the output store (a folder or a blob container), in one place:
/// <list type="bullet">
/// <item>a monthly table: <c>&lt;table&gt;/month=YYYYMM/&lt;table&gt;.csv|.parquet</c> — hive-style partitions that DuckDB,
/// Spark and Power BI read as one dataset, so a run of one month never touches another month's files;</item>
/// <item>a table that is not monthly (<c>keyword_category</c>, <c>customer_360</c>): <c>&lt;table&gt;/&lt;table&gt;.csv|.parquet</c>,
/// replaced by each run that writes it;</item>
/// <item>a run's own files (run report, report.html): <c>runs/&lt;runId&gt;/</c>.</item>
/// </list>
/// </summary>
public static class OutputLayout
{
    /// <summary>The partition key in folder names: <c>month=YYYYMM</c> (for the trend, its later month).</summary>
    public const string PartitionKey = "month";

    public const string CsvExtension = ".csv";
    public const string ParquetExtension = ".parquet";

    public const string RunReportJson = "run_report.json";
    public const string RunReportText = "run_report.txt";
    public const string HtmlReport = "report.html";

    /// <summary>The folder of all runs' own files.</summary>
    public const string RunsFolder = "runs/";

    /// <summary><c>&lt;table&gt;/month=YYYYMM/</c>, or <c>&lt;table&gt;/</c> for a table that is not monthly.</summary>
    public static string Folder(string table, int? month) =>
        month is { } m ? string.Create(CultureInfo.InvariantCulture, $"{table}/{PartitionKey}={m}/") : table + "/";

    /// <summary>One file of a table: <c>&lt;table&gt;/month=YYYYMM/&lt;table&gt;.csv</c> (or without the partition).</summary>
    public static string File(string table, int? month, string extension) => Folder(table, month) + table + extension;

    /// <summary><c>runs/&lt;runId&gt;/</c>: the run report and report.html of one run.</summary>
    public static string RunFolder(string runId) => RunsFolder + runId + "/";

    public static string RunFile(string runId, string name) => RunFolder(runId) + name;
}
