using Customer360.Domain.Classification;
using MySqlConnector;

namespace Customer360.Domain.Warehouse;

/// <summary>The keyword cache in the <c>keyword_category</c> table, shared by every run that uses this database.</summary>
public sealed class MySqlKeywordCache(string connectionString) : IKeywordCache
{
    private const int ChunkSize = 500;
    private bool _migrated;

    public async Task<IReadOnlyDictionary<string, KeywordGenre>> GetManyAsync(IReadOnlyCollection<string> keywords, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, KeywordGenre>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in keywords.Chunk(ChunkSize))
        {
            await using var command = new MySqlCommand { Connection = connection };
            var names = new List<string>();
            for (int i = 0; i < chunk.Length; i++)
            {
                names.Add($"@k{i}");
                command.Parameters.AddWithValue($"@k{i}", chunk[i]);
            }
            command.CommandText = $"SELECT keyword, category, source, model, classified_at, instructions_version FROM keyword_category WHERE keyword IN ({string.Join(',', names)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var entry = new KeywordGenre(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)), reader.GetString(5));
                found[entry.Keyword] = entry;
            }
        }
        return found;
    }

    public async Task PutManyAsync(IReadOnlyCollection<KeywordGenre> entries, CancellationToken cancellationToken)
    {
        var valid = entries.Where(e => e.Source != OpenAiKeywordClassifier.FallbackSource && Genres.IsValid(e.Genre)).ToList();
        if (valid.Count == 0)
        {
            return;
        }
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in valid.Chunk(ChunkSize))
        {
            await using var command = new MySqlCommand { Connection = connection };
            var rows = new List<string>();
            for (int i = 0; i < chunk.Length; i++)
            {
                rows.Add($"(@k{i}, @c{i}, @s{i}, @m{i}, @t{i}, @v{i})");
                command.Parameters.AddWithValue($"@k{i}", chunk[i].Keyword);
                command.Parameters.AddWithValue($"@c{i}", chunk[i].Genre);
                command.Parameters.AddWithValue($"@s{i}", chunk[i].Source);
                command.Parameters.AddWithValue($"@m{i}", chunk[i].Model);
                command.Parameters.AddWithValue($"@t{i}", chunk[i].ClassifiedAtUtc.UtcDateTime);
                command.Parameters.AddWithValue($"@v{i}", chunk[i].InstructionsVersion);
            }
            // VALUES(col) works on MariaDB and MySQL 8 (the row-alias form is MySQL-only).
            command.CommandText = "INSERT INTO keyword_category (keyword, category, source, model, classified_at, instructions_version) VALUES " + string.Join(',', rows) +
                " ON DUPLICATE KEY UPDATE category = VALUES(category), source = VALUES(source), model = VALUES(model), classified_at = VALUES(classified_at), instructions_version = VALUES(instructions_version)";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_migrated)
        {
            await MySqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        return connection;
    }
}
