using System.Globalization;
using System.Runtime.CompilerServices;

namespace Customer360.Domain.Storage;

/// <summary>A local folder as a blob store. Writes go to a temp file and are renamed into place.</summary>
public sealed class LocalFolderStore : IBlobStore
{
    private readonly string _root;

    public LocalFolderStore(string root)
    {
        // Without a trailing separator, so "dir/" and "dir" are the same store.
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string Location => _root;

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        if (!Directory.Exists(_root))
        {
            yield break;
        }
        var names = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(path => (path, name: Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => f.name.StartsWith(prefix, StringComparison.Ordinal) && !f.name.Contains("/.tmp-", StringComparison.Ordinal) && !f.name.StartsWith(".tmp-", StringComparison.Ordinal))
            .OrderBy(f => f.name, StringComparer.Ordinal);
        foreach (var (path, name) in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(path);
            yield return new StoredObject(name, info.Length, ETagOf(info.Length, info.LastWriteTimeUtc));
        }
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        Stream stream = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult(stream);
    }

    public Task<Stream> OpenVersionAsync(string name, string etag, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw SourceChangedException.Disappeared(name, ex);
        }
        // Checked on the open handle: a file replaced by rename after this point keeps reading the planned version.
        if (ETagOf(stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle)) != etag)
        {
            stream.Dispose();
            throw SourceChangedException.Replaced(name, etag);
        }
        return Task.FromResult<Stream>(stream);
    }

    /// <summary>Size + last write time identify a local file's version (an ETag equivalent).</summary>
    private static string ETagOf(long length, DateTime lastWriteUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{length:x}-{lastWriteUtc.Ticks:x}");

    public async Task WriteAsync(string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".tmp-{Guid.NewGuid():N}");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(name)));

    public async Task<int> DeleteAllAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        int deleted = 0;
        await foreach (var item in ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            File.Delete(PathOf(item.Name));
            deleted++;
        }
        // A folder prefix (runs/<id>/) leaves no empty folders behind, nor temp files of interrupted writes.
        if (prefix.EndsWith('/') && Directory.Exists(PathOf(prefix.TrimEnd('/'))))
        {
            Directory.Delete(PathOf(prefix.TrimEnd('/')), recursive: true);
        }
        return deleted;
    }

    private string PathOf(string name)
    {
        var path = Path.GetFullPath(Path.Combine(_root, name));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Object name '{name}' escapes the store root.", nameof(name));
        }
        return path;
    }
}
