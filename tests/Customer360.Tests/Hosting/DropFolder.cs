using Customer360.Domain.Activities;
using Customer360.Domain.Storage;
using Customer360.Tests.Classification;

namespace Customer360.Tests.Hosting;

/// <summary>A drop layout of placeholder files in a folder, and an environment whose plan step lists it (no other step runs).</summary>
internal static class DropFolder
{
    public static async Task<PipelineEnvironment> PlanningEnvironmentAsync(string root, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "x");
        }
        var store = new LocalFolderStore(root);
        return new PipelineEnvironment
        {
            Content = new SourceLocation(store, LogDropLayout.ContentPrefix),
            Search = new SourceLocation(store, LogDropLayout.SearchPrefix),
            Work = store,
            Output = store,
            Sinks = [],
            KeywordCache = new InMemoryKeywordCache(),
        };
    }
}
