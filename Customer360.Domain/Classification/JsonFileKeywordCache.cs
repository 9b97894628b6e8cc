using System.Text;
using System.Text.Json;

namespace Customer360.Domain.Classification;

/// <summary>
/// The keyword cache of the embedded mode: one file in the work folder, loaded on first use. Each put
/// appends its entries as JSON lines (a later line for a keyword replaces an earlier one), so a month of
/// tens of thousands of keywords costs one small append per batch rather than a rewrite of the whole file;
/// once stale lines outnumber live entries the file is compacted atomically (temp file + rename). A last
/// line left half-written by a killed process is skipped on load: that keyword is simply classified again.
/// A file in the earlier format (one JSON array) is read as well and rewritten as lines on the next compaction.
/// Safe for concurrent classification steps within one process.
/// </summary>
public sealed class JsonFileKeywordCache(string path) : IKeywordCache, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, KeywordGenre>? _entries;
    private long _lines;

    public string Path { get; } = path;

    public async Task<IReadOnlyDictionary<string, KeywordGenre>> GetManyAsync(IReadOnlyCollection<string> keywords, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entries = await LoadAsync(cancellationToken).ConfigureAwait(false);
            var found = new Dictionary<string, KeywordGenre>(StringComparer.Ordinal);
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

    public async Task PutManyAsync(IReadOnlyCollection<KeywordGenre> entries, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await LoadAsync(cancellationToken).ConfigureAwait(false);
            var text = new StringBuilder();
            foreach (var entry in entries)
            {
                if (entry.Source != "fallback" && Genres.IsValid(entry.Genre))
                {
                    all[entry.Keyword] = entry;
                    text.Append(JsonSerializer.Serialize(entry, Json)).Append('\n');
                    _lines++;
                }
            }
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            if (_lines > 2 * all.Count + 1000)
            {
                await CompactAsync(all, cancellationToken).ConfigureAwait(false);
            }
            else if (text.Length > 0)
            {
                await File.AppendAllTextAsync(Path, text.ToString(), Utf8, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task CompactAsync(Dictionary<string, KeywordGenre> all, CancellationToken cancellationToken)
    {
        var temp = Path + ".tmp-" + Guid.NewGuid().ToString("N");
        await using (var writer = new StreamWriter(temp, append: false, Utf8))
        {
            foreach (var entry in all.Values.OrderBy(e => e.Keyword, StringComparer.Ordinal))
            {
                await writer.WriteAsync(JsonSerializer.Serialize(entry, Json).AsMemory(), cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync("\n".AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
        File.Move(temp, Path, overwrite: true);
        _lines = all.Count;
    }

    private async Task<Dictionary<string, KeywordGenre>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_entries is not null)
        {
            return _entries;
        }
        var entries = new Dictionary<string, KeywordGenre>(StringComparer.Ordinal);
        if (File.Exists(Path))
        {
            var text = await File.ReadAllTextAsync(Path, cancellationToken).ConfigureAwait(false);
            if (text.TrimStart().StartsWith('['))
            {
                foreach (var entry in JsonSerializer.Deserialize<List<KeywordGenre>>(text, Json) ?? [])
                {
                    entries[entry.Keyword] = entry;
                }
                _lines = long.MaxValue / 4; // the old format: rewrite as lines at the next put
            }
            else
            {
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    _lines++;
                    try
                    {
                        if (JsonSerializer.Deserialize<KeywordGenre>(line, Json) is { Keyword: not null } entry)
                        {
                            entries[entry.Keyword] = entry;
                        }
                    }
                    catch (JsonException)
                    {
                        // A line cut short by a killed process: that keyword is classified again.
                    }
                }
            }
        }
        _entries = entries;
        return entries;
    }
}
