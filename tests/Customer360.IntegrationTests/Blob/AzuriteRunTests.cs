using Azure.Storage.Blobs;
using Customer360.Cli;
using Customer360.Domain.Reporting;
using Customer360.Domain.Storage;
using Customer360.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.IntegrationTests.Blob;

/// <summary>The pipeline reading from a real Azurite container (content/ and search/ as DESIGN §1 lays out).</summary>
public class AzuriteRunTests
{
    private static async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = new BlobContainerClient(RequiredService.Get("C360_TEST_AZURITE"), "c360-" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateAsync();
        return container;
    }

    private static string Generate(TempFolder temp)
    {
        var data = temp.Sub("data");
        new ContentLogGenerator(21, 150).Write(Path.Combine(data, "content"), gzipLastDay: true, parallelism: 2);
        new SearchLogGenerator(21, 120).Write(Path.Combine(data, "search"), parallelism: 2);
        return data;
    }

    private static async Task UploadAsync(BlobContainerClient container, string data, Func<string, bool>? only = null)
    {
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(data, file).Replace(Path.DirectorySeparatorChar, '/');
            if (only is null || only(name))
            {
                await container.GetBlobClient(name).UploadAsync(file, overwrite: true);
            }
        }
    }

    private static Task<(Domain.Flow.PipelineResult Result, RunReport Report)> RunBlobAsync(BlobContainerClient container, string output, CancellationToken cancellationToken = default) =>
        LocalPipelineRunner.RunAsync(new LocalRunOptions
        {
            StorageConnectionString = RequiredService.Get("C360_TEST_AZURITE"),
            Container = container.Name,
            OutputDirectory = output,
        }, NullLoggerFactory.Instance, null, cancellationToken);

    private static readonly string[] Tables =
    [
        "content_profile/month=202204/content_profile.csv", "search_top_keyword/month=202206/search_top_keyword.csv",
        "search_top_keyword/month=202207/search_top_keyword.csv", "search_trend/month=202207/search_trend.csv", "customer_360/customer_360.csv",
    ];

    [Fact]
    public async Task A_container_run_gives_the_same_tables_as_the_folder_run_and_a_changed_day_is_the_only_one_remapped()
    {
        using var temp = new TempFolder();
        var data = Generate(temp);
        var container = await NewContainerAsync();
        await UploadAsync(container, data);

        var folderOut = temp.Sub("folder-out");
        await LocalPipelineRunner.RunAsync(new LocalRunOptions
        {
            ContentDirectory = Path.Combine(data, "content"),
            SearchDirectory = Path.Combine(data, "search"),
            OutputDirectory = folderOut,
        }, NullLoggerFactory.Instance, null, CancellationToken.None);
        var blobOut = temp.Sub("blob-out");
        var (_, first) = await RunBlobAsync(container, blobOut);
        foreach (var table in Tables)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folderOut, table)), await File.ReadAllBytesAsync(Path.Combine(blobOut, table)));
        }
        Assert.Equal(30 + 61, first.Inputs.Count);
        Assert.Contains(first.Inputs, i => i.Name == "content/20220430.json.gz");
        // The flow's last step removed the run's scratch from the container; the partials stay for reuse.
        var work = new AzureBlobStore(container, LocalRunOptions.BlobWorkPrefix);
        Assert.Equal(0, await CountAsync(work, "runs/"));
        Assert.True(await CountAsync(work, "partials/") > 0);

        // Change one day and rerun: only that day is mapped again.
        await container.GetBlobClient("content/20220410.json").UploadAsync(BinaryData.FromString("""{"_source":{"Contract":"NEW1","AppName":"SPORT","TotalDuration":42}}""" + "\n"), overwrite: true);
        var (_, second) = await RunBlobAsync(container, blobOut);
        var remapped = Assert.Single(second.Inputs, i => !i.Reused);
        Assert.Equal("content/20220410.json", remapped.Name);
        Assert.Contains("NEW1", await File.ReadAllTextAsync(OutputFiles.Csv(blobOut, "content_profile", 202204)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_killed_midway_and_rerun_gives_identical_outputs()
    {
        using var temp = new TempFolder();
        var data = Generate(temp);
        var container = await NewContainerAsync();
        await UploadAsync(container, data);

        var reference = temp.Sub("reference");
        await RunBlobAsync(await CopyAsync(container, data), reference);

        var output = temp.Sub("out");
        using (var cancel = new CancellationTokenSource())
        {
            // Stop the run once a few (not all) partials are committed (a manifest is written last).
            var run = RunBlobAsync(container, output, cancel.Token);
            var store = new AzureBlobStore(container, LocalRunOptions.BlobWorkPrefix);
            while (!run.IsCompleted && await CountManifestsAsync(store) < 3)
            {
                await Task.Delay(20);
            }
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        var (_, report) = await RunBlobAsync(container, output);
        Assert.True(report.Inputs.Any(i => i.Reused), "the rerun should reuse the partials committed before the kill");
        foreach (var table in Tables)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(reference, table)), await File.ReadAllBytesAsync(Path.Combine(output, table)));
        }
    }

    private static async Task<BlobContainerClient> CopyAsync(BlobContainerClient _, string data)
    {
        var fresh = await NewContainerAsync();
        await UploadAsync(fresh, data);
        return fresh;
    }

    private static async Task<int> CountAsync(AzureBlobStore store, string prefix)
    {
        int n = 0;
        await foreach (var _ in store.ListAsync(prefix, CancellationToken.None))
        {
            n++;
        }
        return n;
    }

    private static async Task<int> CountManifestsAsync(AzureBlobStore store)
    {
        int n = 0;
        await foreach (var item in store.ListAsync("partials/", CancellationToken.None))
        {
            n += item.Name.EndsWith("/_manifest.json", StringComparison.Ordinal) ? 1 : 0;
        }
        return n;
    }

    [Fact]
    public async Task Watch_runs_a_month_dropped_file_by_file_once()
    {
        using var temp = new TempFolder();
        var data = Generate(temp);
        var container = await NewContainerAsync();
        var output = temp.Sub("out");
        var runs = new List<IReadOnlyList<int>>();
        // The watcher's clock is the test's: the quiet period can only pass when the test says so, however
        // slowly the machine uploads. Each poll is one step: advance one poll interval, then wait until the
        // watcher has listed the container and gone back to sleep (it asks for its next timer).
        var time = new StepClock();
        var poll = TimeSpan.FromMilliseconds(100);
        var quiet = TimeSpan.FromSeconds(2);
        var watcher = new BlobDropWatcher(new AzureBlobStore(container), poll, quiet, time);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var watching = watcher.WatchAsync(async (months, ct) =>
        {
            runs.Add(months);
            await LocalPipelineRunner.RunAsync(new LocalRunOptions
            {
                StorageConnectionString = RequiredService.Get("C360_TEST_AZURITE"),
                Container = container.Name,
                OutputDirectory = output,
                Months = months,
            }, NullLoggerFactory.Instance, null, ct);
        }, maxRuns: 1, stop.Token);
        await time.WaitForSleepersAsync(1, watching);

        // The April content month arrives day by day, one file per poll, and one day twice (same bytes).
        var files = Directory.EnumerateFiles(Path.Combine(data, "content")).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files.Take(15).Append(files[0]).Concat(files.Skip(15)))
        {
            await container.GetBlobClient("content/" + Path.GetFileName(file)).UploadAsync(file, overwrite: true);
            await time.StepAsync(poll, watching);
            Assert.Empty(runs); // never quiet while files keep coming
        }
        // Quiet from here: the run starts once the quiet period has passed on the watcher's clock, not before.
        for (var waited = TimeSpan.Zero; waited < quiet - poll; waited += poll)
        {
            await time.StepAsync(poll, watching);
            Assert.Empty(runs);
        }
        time.Advance(poll);
        Assert.Equal(1, await watching);
        Assert.Equal([202204], Assert.Single(runs));
        var rows = OutputFiles.ReadContentProfile(output);
        var expected = temp.Sub("expected");
        await LocalPipelineRunner.RunAsync(new LocalRunOptions { ContentDirectory = Path.Combine(data, "content"), OutputDirectory = expected }, NullLoggerFactory.Instance, null, CancellationToken.None);
        Assert.Equal(await File.ReadAllBytesAsync(OutputFiles.Csv(expected, "content_profile", 202204)), await File.ReadAllBytesAsync(OutputFiles.Csv(output, "content_profile", 202204)));
        Assert.NotEmpty(rows);
    }
}
