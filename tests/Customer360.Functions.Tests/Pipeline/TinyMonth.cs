using Customer360.Generation;

namespace Customer360.Functions.Tests.Pipeline;

/// <summary>
/// A tiny dataset, generated once per test run: four content days of April 2022 and two search days in each of
/// June and July (so there is a trend), for a handful of customers. Small on purpose: the in-process engine
/// runs at most 10 work items at once.
/// </summary>
public static class TinyMonth
{
    private static readonly Lazy<string> Folder = new(Generate);

    /// <summary>The folder with <c>content/</c> and <c>search/</c>, laid out as the logs container is.</summary>
    public static string Data => Folder.Value;

    public static string Content => Path.Combine(Data, "content");

    public static string Search => Path.Combine(Data, "search");

    private static readonly string[] Days = ["20220401", "20220402", "20220403", "20220404", "20220601", "20220602", "20220701", "20220702"];

    private static string Generate()
    {
        var all = Path.Combine(Path.GetTempPath(), "c360-functions-tiny-" + Guid.NewGuid().ToString("N")[..8]);
        new ContentLogGenerator(7, 40).Write(Path.Combine(all, "content"), gzipLastDay: false, parallelism: 1);
        new SearchLogGenerator(7, 40).Write(Path.Combine(all, "search"), parallelism: 1);
        var data = Path.Combine(all, "tiny");
        foreach (var file in Directory.EnumerateFiles(all, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(all, file);
            var inStream = relative.Split(Path.DirectorySeparatorChar)[1];
            if (Days.Any(d => inStream.StartsWith(d, StringComparison.Ordinal)))
            {
                var target = Path.Combine(data, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        return data;
    }

    /// <summary>Every file, as blob names (<c>content/…</c>, <c>search/…</c>).</summary>
    public static IEnumerable<(string Name, string Path)> Blobs() =>
        Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Data, f).Replace(Path.DirectorySeparatorChar, '/'), f));
}
