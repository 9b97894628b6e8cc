using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using Customer360.Domain.Activities;
using Customer360.Domain.Classification;
using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Domain.Reporting;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.IntegrationTests.Blob;

/// <summary>
/// A blob replaced while the run reads it (its ETag changes between two range reads): the map step stops
/// with a clear error instead of mixing the two versions into one partial, the rest of the month is
/// processed, and the next run reads the new version.
/// </summary>
public class BlobReplacedDuringRunTests
{
    // More than the SDK's 4 MB read-ahead, so the read needs a second range request after the replacement.
    private const int LinesInBigDay = 90_000;

    private static string Rec(string contract, long duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"_source\":{{\"Contract\":\"{contract}\",\"AppName\":\"VOD\",\"TotalDuration\":{duration},\"Mac\":\"AA:BB:CC:DD:EE:FF\"}}}}\n");

    private static BinaryData Day(string prefix, int lines) =>
        BinaryData.FromString(string.Concat(Enumerable.Range(0, lines).Select(i => Rec($"{prefix}{i}", i + 1))));

    [Fact]
    public async Task A_blob_replaced_between_two_range_reads_is_reported_and_never_mixed()
    {
        using var temp = new TempFolder();
        var container = new BlobContainerClient(RequiredService.Get("C360_TEST_AZURITE"), "c360-" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateAsync();
        await container.GetBlobClient("content/20220401.json").UploadAsync(BinaryData.FromString(Rec("A1", 10)));
        await container.GetBlobClient("content/20220402.json").UploadAsync(Day("OLD", LinesInBigDay));
        await container.GetBlobClient("content/20220403.json").UploadAsync(BinaryData.FromString(Rec("C1", 30)));

        var replaced = false;
        var store = new ReplaceOnFirstRead(new AzureBlobStore(container), "content/20220402.json", async () =>
        {
            await container.GetBlobClient("content/20220402.json").UploadAsync(Day("NEW", LinesInBigDay), overwrite: true);
            replaced = true;
        });
        var work = temp.Sub("work");
        var (report, contracts) = await RunAsync(store, work, temp.Sub("out"));

        Assert.True(replaced);
        Assert.Equal(RunReport.CompletedWithInputErrors, report.Status);
        var error = Assert.Single(report.Content.FileErrors);
        Assert.Equal("content/20220402.json", error.File);
        Assert.Contains("was replaced after the run was planned", error.Error, StringComparison.Ordinal);
        Assert.Equal(["A1", "C1"], contracts); // no line of either version of the replaced day

        // The next run (same work store) reads the new version, whole.
        (report, contracts) = await RunAsync(new AzureBlobStore(container), work, temp.Sub("out2"));
        Assert.Equal(RunReport.Succeeded, report.Status);
        Assert.Equal(2 + LinesInBigDay, contracts.Count);
        Assert.DoesNotContain(contracts, c => c.StartsWith("OLD", StringComparison.Ordinal));
        Assert.Contains("NEW89999", contracts);
    }

    private static async Task<(RunReport Report, List<string> Contracts)> RunAsync(IBlobStore source, string work, string output)
    {
        var outputStore = new LocalFolderStore(output);
        using var cache = new JsonFileKeywordCache(Path.Combine(work, "keywords.json"));
        var environment = new PipelineEnvironment
        {
            Content = new SourceLocation(source, "content/"),
            KeywordCache = cache,
            Work = new LocalFolderStore(work),
            Output = outputStore,
            Sinks = [new FileTableSink(outputStore)],
        };
        var runId = "replaced-" + Guid.NewGuid().ToString("N")[..8];
        PipelineResult result;
        using (var context = new InProcessFlowContext(runId, new ActivityCatalog(environment), 2, NullLoggerFactory.Instance))
        {
            result = await PipelineFlow.RunAsync(context, new PipelineRequest(runId, 4, Streams: PipelineStreams.Content));
        }
        var report = System.Text.Json.JsonSerializer.Deserialize<RunReport>(await File.ReadAllTextAsync(Path.Combine(output, result.ReportName)), FlowJson.Options)!;
        var contracts = ContentProfileCsv.Read(Path.Combine(output, OutputLayout.File("content_profile", 202204, OutputLayout.CsvExtension))).Select(r => r.Contract).Order(StringComparer.Ordinal).ToList();
        return (report, contracts);
    }

    /// <summary>Hands out the real (version-pinned) stream of one blob, and replaces the blob right after its first read.</summary>
    private sealed class ReplaceOnFirstRead(IBlobStore inner, string name, Func<Task> replace) : IBlobStore
    {
        public string Location => inner.Location;
        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
        public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken) => inner.OpenReadAsync(name, cancellationToken);
        public Task WriteAsync(string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) => inner.WriteAsync(name, write, cancellationToken);
        public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) => inner.ExistsAsync(name, cancellationToken);
        public Task<int> DeleteAllAsync(string prefix, CancellationToken cancellationToken) => inner.DeleteAllAsync(prefix, cancellationToken);

        public async Task<Stream> OpenVersionAsync(string objectName, string etag, CancellationToken cancellationToken)
        {
            var stream = await inner.OpenVersionAsync(objectName, etag, cancellationToken);
            return objectName == name ? new AfterFirstRead(stream, replace) : stream;
        }
    }

    private sealed class AfterFirstRead(Stream inner, Func<Task> action) : Stream
    {
        private Func<Task>? _action = action;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int n = await inner.ReadAsync(buffer, cancellationToken);
            if (Interlocked.Exchange(ref _action, null) is { } action)
            {
                await action();
            }
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
