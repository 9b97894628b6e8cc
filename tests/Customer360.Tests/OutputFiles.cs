using Customer360.Cli.Commands;
using Customer360.Domain.Content;
using Customer360.Domain.Tables;
using Sylvan.Data.Csv;

namespace Customer360.Tests;

/// <summary>Finds a run's file outputs in an output folder laid out by <see cref="OutputLayout"/>.</summary>
public static class OutputFiles
{
    public static string Csv(string output, string table, int? month = null) => Path.Combine(output, OutputLayout.File(table, month, OutputLayout.CsvExtension));

    public static string Parquet(string output, string table, int? month = null) => Path.Combine(output, OutputLayout.File(table, month, OutputLayout.ParquetExtension));

    /// <summary>Every CSV file of a table (each month partition, or the one file of a table that is not monthly), in name order.</summary>
    public static List<string> CsvFiles(string output, string table) =>
        Directory.Exists(Path.Combine(output, table))
            ? [.. Directory.EnumerateFiles(Path.Combine(output, table), table + OutputLayout.CsvExtension, SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The data rows of every CSV file of a table, partition after partition (headers dropped).</summary>
    public static List<string[]> ReadCsvRows(string output, string table)
    {
        var rows = new List<string[]>();
        foreach (var file in CsvFiles(output, table))
        {
            using var reader = CsvDataReader.Create(file);
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
            }
        }
        return rows;
    }

    public static List<ContentProfileRow> ReadContentProfile(string output) =>
        [.. CsvFiles(output, ContentProfileTable.Name).SelectMany(ContentProfileCsv.Read)];

    /// <summary>A file of the latest run's folder (<c>runs/&lt;runId&gt;/</c>): run_report.json, run_report.txt, report.html.</summary>
    public static string LatestRunFile(string output, string name)
    {
        var report = ReportCommand.FindRunReport(new DirectoryInfo(output)) ?? throw new FileNotFoundException($"No run report under {output}.");
        return Path.Combine(output, Path.GetDirectoryName(report)!, name);
    }
}
