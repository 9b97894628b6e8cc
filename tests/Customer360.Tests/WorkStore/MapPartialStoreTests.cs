using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Customer360.Domain.Storage;
using Customer360.Domain.WorkStore;
using Customer360.Tests.Classification;

namespace Customer360.Tests.WorkStore;

/// <summary>
/// The commit protocol, for both streams' maps: shards first, the manifest last; a manifest means reusable; a
/// source that changed under the map, or a map that failed, leaves the partial uncommitted.
/// </summary>
public class MapPartialStoreTests
{
    private const int Shards = 3;

    private sealed record Setup(PipelineEnvironment Environment, RecordingStore Source, RecordingStore Work);

    private static Setup Create(TempFolder temp, string? content = null, string? search = null)
    {
        var source = new RecordingStore(new LocalFolderStore(content ?? search!));
        var work = new RecordingStore(new LocalFolderStore(temp.Sub("work")));
        var environment = new PipelineEnvironment
        {
            Content = content is null ? null : new SourceLocation(source, ""),
            Search = search is null ? null : new SourceLocation(source, ""),
            Work = work,
            Output = new LocalFolderStore(temp.Sub("out")),
            Sinks = [],
            KeywordCache = new InMemoryKeywordCache(),
        };
        return new Setup(environment, source, work);
    }

    private static async Task<SourceFile> ListedAsync(RecordingStore store, string name)
    {
        await foreach (var item in store.ListAsync(name, CancellationToken.None))
        {
            return new SourceFile(item.Name, item.Size, item.ETag);
        }
        throw new InvalidOperationException(name + " is not there");
    }

    private static string ContentFolder(TempFolder temp)
    {
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"),
        [
            """{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":10}}""",
            """{"_source":{"Contract":"C2","AppName":"SPORT","TotalDuration":5}}""",
        ]);
        return content;
    }

    [Fact]
    public async Task The_content_map_writes_every_shard_then_the_manifest_and_a_rerun_reuses_it_without_reading_the_source()
    {
        using var temp = new TempFolder();
        var setup = Create(temp, content: ContentFolder(temp));
        var file = await ListedAsync(setup.Source, "20220401.json");
        var map = new MapContentFileActivity(setup.Environment);

        var first = await map.RunAsync(new MapContentFileInput(file, Shards), CancellationToken.None);

        var key = PartialKey.Content("20220401.json", file.ETag, setup.Environment.Options.Fingerprint(), Shards);
        Assert.Equal(key.Prefix, first.PartialPrefix);
        Assert.Equal([key.Shard(0), key.Shard(1), key.Shard(2), key.Manifest], setup.Work.Writes);
        Assert.False(first.Reused);
        Assert.Equal(2, first.Contracts);

        // Committed: the rerun takes the manifest and never opens the file (opening it now would report a change).
        setup.Source.ChangedName = file.Name;
        var again = await map.RunAsync(new MapContentFileInput(file, Shards), CancellationToken.None);
        Assert.True(again.Reused);
        Assert.Null(again.Stats.Error);
        Assert.Equal((first.Contracts, first.Stats.LinesRead, 0.0), (again.Contracts, again.Stats.LinesRead, again.Seconds));
        Assert.Equal(4, setup.Work.Writes.Count);
    }

    [Fact]
    public async Task A_source_that_changed_under_the_map_gets_empty_shards_and_no_manifest_so_the_next_run_maps_it_again()
    {
        using var temp = new TempFolder();
        var setup = Create(temp, content: ContentFolder(temp));
        var file = await ListedAsync(setup.Source, "20220401.json");
        var map = new MapContentFileActivity(setup.Environment);
        setup.Source.ChangedName = file.Name;

        var changed = await map.RunAsync(new MapContentFileInput(file, Shards), CancellationToken.None);

        Assert.NotNull(changed.Stats.Error);
        Assert.Equal(0, changed.Contracts);
        var key = PartialKey.Content("20220401.json", file.ETag, setup.Environment.Options.Fingerprint(), Shards);
        // Every shard exists (the run's reduce steps read one per shard), but nothing commits them.
        Assert.Equal([key.Shard(0), key.Shard(1), key.Shard(2)], setup.Work.Writes);
        Assert.False(await setup.Work.ExistsAsync(key.Manifest, CancellationToken.None));

        setup.Source.ChangedName = null;
        var next = await map.RunAsync(new MapContentFileInput(file, Shards), CancellationToken.None);
        Assert.False(next.Reused);
        Assert.Equal(2, next.Contracts);
        Assert.True(await setup.Work.ExistsAsync(key.Manifest, CancellationToken.None));
    }

    [Fact]
    public async Task The_search_map_keeps_the_same_protocol()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await Search.SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [("U1", "vtv3"), ("U2", "doraemon")]);
        var setup = Create(temp, search: search);
        var file = await ListedAsync(setup.Source, "20220601.parquet");
        var map = new MapSearchFileActivity(setup.Environment);
        var key = PartialKey.Search(file.Name, "20220601.parquet", file.ETag, Shards);

        setup.Source.ChangedName = file.Name;
        var changed = await map.RunAsync(new MapSearchFileInput(file, Shards), CancellationToken.None);
        Assert.NotNull(changed.Stats.Error);
        Assert.Equal([key.Shard(0), key.Shard(1), key.Shard(2)], setup.Work.Writes);

        setup.Source.ChangedName = null;
        var mapped = await map.RunAsync(new MapSearchFileInput(file, Shards), CancellationToken.None);
        Assert.Equal((2, false), (mapped.Users, mapped.Reused));
        Assert.Equal(key.Manifest, setup.Work.Writes.Last());
        Assert.True((await map.RunAsync(new MapSearchFileInput(file, Shards), CancellationToken.None)).Reused);
    }

    [Fact]
    public async Task A_map_that_fails_leaves_no_manifest_and_its_partial_is_not_reused()
    {
        using var temp = new TempFolder();
        var setup = Create(temp, content: ContentFolder(temp));
        var file = await ListedAsync(setup.Source, "20220401.json");
        var store = new MapPartialStore(setup.Work);
        var key = PartialKey.Content(file.Name, file.ETag, "fp", Shards);

        await Assert.ThrowsAsync<IOException>(() => store.WriteOnceAsync<int, ContentMapResult>(key, Shards, setup.Source, file,
            scan: (_, _) => throw new IOException("the disk went away"),
            whenSourceChanged: _ => throw new InvalidOperationException("not this"),
            manifestOf: _ => throw new InvalidOperationException("not this"),
            asReused: m => m,
            CancellationToken.None));

        Assert.Empty(setup.Work.Writes);
        Assert.Null(await store.ReadCommittedAsync<ContentMapResult>(key, CancellationToken.None));
    }
}
