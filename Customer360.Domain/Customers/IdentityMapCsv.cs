using Sylvan.Data.Csv;

namespace Customer360.Domain.Customers;

/// <summary>
/// Reads an identity map CSV: a <c>contract,user_id</c> header (in any order), then one pair per line, values used
/// exactly as written. Strict: a missing column, a line with another number of fields, an empty value or a
/// repeated pair is an error naming the source and the line.
/// </summary>
public static class IdentityMapCsv
{
    public const string ContractColumn = "contract";
    public const string UserColumn = "user_id";

    /// <param name="source">Names the map in errors (the setting and the file).</param>
    public static List<IdentityLink> Read(TextReader text, string source)
    {
        using var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        int contract = Ordinal(reader, ContractColumn, source), user = Ordinal(reader, UserColumn, source);
        var links = new List<IdentityLink>();
        var seen = new Dictionary<IdentityLink, int>();
        // Line 1 is the header; a record's line is counted by records, as the map holds no quoted line breaks.
        int line = 1;
        while (reader.Read())
        {
            line++;
            if (reader.RowFieldCount != reader.FieldCount)
            {
                throw new InvalidDataException($"{source}: line {line} has {reader.RowFieldCount} fields; expected {reader.FieldCount} ({ContractColumn},{UserColumn}).");
            }
            var link = new IdentityLink(reader.GetString(contract), reader.GetString(user));
            if (link.Contract.Length == 0 || link.UserId.Length == 0)
            {
                throw new InvalidDataException($"{source}: line {line} has an empty {(link.Contract.Length == 0 ? ContractColumn : UserColumn)}.");
            }
            if (!seen.TryAdd(link, line))
            {
                throw new InvalidDataException($"{source}: line {line} repeats the pair ({link.Contract}, {link.UserId}) of line {seen[link]}.");
            }
            links.Add(link);
        }
        return links;
    }

    private static int Ordinal(CsvDataReader reader, string column, string source)
    {
        for (int i = 0; i < reader.FieldCount; i++)
        {
            if (string.Equals(reader.GetName(i), column, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new InvalidDataException($"{source}: line 1 must be the header {ContractColumn},{UserColumn}; it has no '{column}' column.");
    }
}
