using Parquet;
using Parquet.Schema;

namespace Customer360.Domain.Search;

/// <summary>
/// Reads a search log (Parquet) row group by row group, only the <c>user_id</c> and <c>keyword</c>
/// columns, and hands each accepted (trimmed user, normalised keyword) pair to the sink. A corrupt file
/// or a drifted schema (a missing column, a non-string column) is reported in the stats, not thrown.
/// </summary>
public static class SearchLogReader
{
    public const string UserIdColumn = "user_id";
    public const string KeywordColumn = "keyword";

    public static async Task<SearchFileStats> ReadAsync(Stream stream, Action<string, string> sink, CancellationToken cancellationToken)
    {
        long read = 0, accepted = 0, skipped = 0;
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            var user = FindStringColumn(reader.Schema, UserIdColumn);
            var keyword = FindStringColumn(reader.Schema, KeywordColumn);
            var normalizer = new KeywordNormalizerCache();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int rows = checked((int)group.RowCount);
                var users = new string?[rows];
                var keywords = new string?[rows];
                await group.ReadAsync(user, users.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                await group.ReadAsync(keyword, keywords.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < rows; i++)
                {
                    read++;
                    var u = users[i]?.Trim();
                    var k = keywords[i] is { } raw ? normalizer.Normalize(raw) : null;
                    if (string.IsNullOrEmpty(u) || string.IsNullOrEmpty(k))
                    {
                        skipped++;
                        continue;
                    }
                    accepted++;
                    sink(u, k);
                }
            }
            return new SearchFileStats(read, accepted, skipped, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException and not Storage.SourceChangedException)
        {
            // A corrupt footer, a bad page or a drifted schema: report it, keep the run going. (A file replaced
            // while being read is the map step's to report: its rows must not count at all.)
            // Rows of row groups read before the failure stay counted (the sink already has them).
            return new SearchFileStats(read, accepted, skipped, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static DataField FindStringColumn(ParquetSchema schema, string name)
    {
        var field = schema.Fields.OfType<DataField>().FirstOrDefault(f => f.Name == name)
            ?? throw new InvalidDataException($"schema drift: column '{name}' is missing.");
        // Parquet.Net 6 surfaces UTF-8 string columns as ReadOnlyMemory<char> unless asked otherwise; both are text.
        if ((field.ClrType != typeof(string) && field.ClrType != typeof(ReadOnlyMemory<char>)) || field.IsArray)
        {
            throw new InvalidDataException($"schema drift: column '{name}' is {field.ClrType.Name}{(field.IsArray ? "[]" : "")}, expected string.");
        }
        return field;
    }
}
