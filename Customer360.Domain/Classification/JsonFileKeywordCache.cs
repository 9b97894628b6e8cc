using System.Text.Json;

namespace Customer360.Domain.Classification;

/// <summary>
/// The keyword cache of the embedded mode: one JSON file (in the work folder) loaded on first use and
/// rewritten atomically (temp file + rename) after each put. Safe for concurrent classification steps
/// within one process.
/// </summary>
public sealed class JsonFileKeywordCache(string path) : IKeywordCache, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, KeywordCategory>? _entries;

    public string Path { get; } = path;

    public async Task<IReadOnlyDictionary<string, KeywordCategory>> GetManyAsync(IReadOnlyCollection<string> keywords, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entries = await LoadAsync(cancellationToken).ConfigureAwait(false);
            var found = new Dictionary<string, KeywordCategory>(StringComparer.Ordinal);
            foreach (var keyword in keywords)
            {
                if (entries.TryGetValue(keyword, out var entry))
                {
                    found[keyword] = entry;
                }
            }
            return found;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task PutManyAsync(IReadOnlyCollection<KeywordCategory> entries, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await LoadAsync(cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                if (entry.Source != "fallback" && Genres.IsValid(entry.Category))
                {
                    all[entry.Keyword] = entry;
                }
            }
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            var temp = Path + ".tmp-" + Guid.NewGuid().ToString("N");
            await using (var stream = File.Create(temp))
            {
                await JsonSerializer.SerializeAsync(stream, all.Values.OrderBy(e => e.Keyword, StringComparer.Ordinal), Json, cancellationToken).ConfigureAwait(false);
            }
            File.Move(temp, Path, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Dictionary<string, KeywordCategory>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_entries is not null)
        {
            return _entries;
        }
        _entries = new Dictionary<string, KeywordCategory>(StringComparer.Ordinal);
        if (File.Exists(Path))
        {
            await using var stream = File.OpenRead(Path);
            var list = await JsonSerializer.DeserializeAsync<List<KeywordCategory>>(stream, Json, cancellationToken).ConfigureAwait(false) ?? [];
            foreach (var entry in list)
            {
                _entries[entry.Keyword] = entry;
            }
        }
        return _entries;
    }
}
