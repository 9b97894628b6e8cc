using System.Globalization;
using Sylvan.Data.Csv;

namespace Customer360.Domain.Search;

/// <summary>Reads the search tables' CSV files written by this tool back into rows (report rebuilds).</summary>
public static class SearchTablesCsv
{
    public static List<TopKeywordRow> ReadTopKeywords(TextReader text) => Read(text, SearchTables.TopKeywordColumns, r => new TopKeywordRow(
        int.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2),
        long.Parse(r.GetString(3), CultureInfo.InvariantCulture), r.GetString(4), r.GetString(5)));

    public static List<TrendRow> ReadTrend(TextReader text) => Read(text, SearchTables.TrendColumns, r => new TrendRow(
        int.Parse(r.GetString(0), CultureInfo.InvariantCulture), int.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2),
        r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8)));

    private static List<T> Read<T>(TextReader text, IReadOnlyList<string> columns, Func<CsvDataReader, T> map)
    {
        using var reader = CsvDataReader.Create(text);
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        if (!header.SequenceEqual(columns))
        {
            throw new InvalidDataException($"Expected columns {string.Join(',', columns)}, found {string.Join(',', header)}.");
        }
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
        return rows;
    }
}
