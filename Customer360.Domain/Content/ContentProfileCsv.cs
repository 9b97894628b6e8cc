using System.Globalization;
using Sylvan.Data.Csv;

namespace Customer360.Domain.Content;

/// <summary>Reads a <c>content_profile.csv</c> written by this tool back into rows (report rebuilds, tests).</summary>
public static class ContentProfileCsv
{
    public static List<ContentProfileRow> Read(string path)
    {
        using var text = new StreamReader(path);
        return Read(text, path);
    }

    public static List<ContentProfileRow> Read(TextReader text, string source)
    {
        using var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var path = source;
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        if (!header.SequenceEqual(ContentProfileTable.ColumnNames))
        {
            throw new InvalidDataException($"{path}: expected columns {string.Join(',', ContentProfileTable.ColumnNames)}, found {string.Join(',', header)}.");
        }
        var rows = new List<ContentProfileRow>();
        var inv = CultureInfo.InvariantCulture;
        while (reader.Read())
        {
            rows.Add(new ContentProfileRow(
                int.Parse(reader.GetString(0), inv), reader.GetString(1),
                long.Parse(reader.GetString(2), inv), long.Parse(reader.GetString(3), inv), long.Parse(reader.GetString(4), inv),
                long.Parse(reader.GetString(5), inv), long.Parse(reader.GetString(6), inv),
                int.Parse(reader.GetString(7), inv), int.Parse(reader.GetString(8), inv),
                reader.GetString(9), reader.GetString(10), reader.GetString(11)));
        }
        return rows;
    }
}
