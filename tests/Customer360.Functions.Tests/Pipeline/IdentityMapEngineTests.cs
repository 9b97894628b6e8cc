using System.Collections.Concurrent;
using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Generation;
using Customer360.Functions.Tests.Engine;
using Customer360.Tests.Reporting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Sylvan.Data.Csv;

namespace Customer360.Functions.Tests.Pipeline;

/// <summary>
/// The identity map as a step of the flow on the Durable Task engine: the Azure host loads <c>C360_IDENTITY_MAP</c>
/// from the logs container and its <c>customer_360</c> joins the streams exactly as the CLI's does; a malformed map
/// fails the run with its line; and the flow's last step leaves no run scratch in the work container.
/// </summary>
public class IdentityMapEngineTests
{
    private const string MapBlob = "identity_map.csv";
    private const int Pairs = 20;

    private static string MapCsv() =>
        "contract,user_id\n" + string.Concat(Enumerable.Range(0, Pairs).Select(i => $"{ContentLogGenerator.ContractId(i)},{SearchLogGenerator.UserId(i)}\n"));

    private static async Task<OrchestrationMetadata> RunAsync(DurableTaskClient client, AppEnvironment app, string instanceId)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(PipelineFlow.Name, app.Request(instanceId), new StartOrchestrationOptions(instanceId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    private static async Task<int> CountAsync(Azure.Storage.Blobs.BlobContainerClient container, string prefix)
    {
        int n = 0;
        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            n++;
        }
        return n;
    }

    /// <summary>The values of a column over every CSV partition of a table.</summary>
    private static HashSet<string> Column(Dictionary<string, byte[]> tables, string tablePrefix, string column)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in tables.Where(t => t.Key.StartsWith(tablePrefix, StringComparison.Ordinal) && t.Key.EndsWith(".csv", StringComparison.Ordinal)))
        {
            using var csv = CsvDataReader.Create(new StreamReader(new MemoryStream(bytes)));
            while (csv.Read())
            {
                values.Add(csv.GetString(csv.GetOrdinal(column)));
            }
        }
        return values;
    }

    [Fact]
    public async Task The_engine_loads_the_identity_map_from_the_logs_container_joins_like_the_CLI_and_leaves_no_scratch()
    {
        using var temp = new TempFolder();
        var mapFile = Path.Combine(temp.Path, MapBlob);
        await File.WriteAllTextAsync(mapFile, MapCsv());
        var expected = await CliRun.TablesAsync(temp, identityMap: mapFile);
        await using var app = await AppEnvironment.CreateAsync(new Dictionary<string, string?> { [AppSettingNames.IdentityMap] = MapBlob });
        await app.Logs.GetBlobClient(MapBlob).UploadAsync(BinaryData.FromString(MapCsv()), overwrite: true);
        var calls = new ConcurrentQueue<string>();
        await using var host = await InProcessEngine.StartAsync(registry => AppFunctions.Register(registry, app.Catalog, (name, _, call) => { calls.Enqueue(name); return call(); }));

        var run = await RunAsync(host.Client, app, "identity-engine");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Contains(ActivityNames.LoadIdentityMap, calls);
        var tables = await app.TablesAsync();
        CliRun.AssertSameTables(expected, tables);

        // The map's pairs are joined: one row with the contract's content and the user's search.
        using var reader = CsvDataReader.Create(new StreamReader(new MemoryStream(tables["customer_360/customer_360.csv"])));
        var pairs = Enumerable.Range(0, Pairs).Select(i => new IdentityLink(ContentLogGenerator.ContractId(i), SearchLogGenerator.UserId(i))).ToHashSet();
        int joined = 0;
        while (reader.Read())
        {
            var link = new IdentityLink(reader.GetString(reader.GetOrdinal("contract")), reader.GetString(reader.GetOrdinal("user_id")));
            if (pairs.Contains(link) && reader.GetString(reader.GetOrdinal("content_month")).Length > 0 && reader.GetString(reader.GetOrdinal("search_month")).Length > 0)
            {
                joined++;
            }
        }
        // Every pair whose contract has content and whose user has searches, and only those.
        var contracts = Column(tables, "content_profile/", "contract");
        var users = Column(tables, "search_top_keyword/", "user_id");
        int expectedJoined = pairs.Count(p => contracts.Contains(p.Contract) && users.Contains(p.UserId));
        Assert.True(expectedJoined > 0);
        Assert.Equal(expectedJoined, joined);

        // The run's scratch is gone from the work container; the partials stay for reuse.
        Assert.Equal(0, await CountAsync(app.Work, "runs/"));
        Assert.True(await CountAsync(app.Work, "partials/") > 0);
    }

    [Fact]
    public async Task A_malformed_identity_map_fails_the_run_with_its_line_before_any_map_step()
    {
        var runLog = new RecordingRunLog();
        await using var app = await AppEnvironment.CreateAsync(new Dictionary<string, string?> { [AppSettingNames.IdentityMap] = MapBlob }, runLog);
        await app.Logs.GetBlobClient(MapBlob).UploadAsync(BinaryData.FromString("contract,user_id\nC1,U1\nC2,U2,U3\n"), overwrite: true);
        var calls = new ConcurrentQueue<string>();
        await using var host = await InProcessEngine.StartAsync(registry => AppFunctions.Register(registry, app.Catalog, (name, _, call) => { calls.Enqueue(name); return call(); }));

        var run = await RunAsync(host.Client, app, "identity-bad");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains("C360_IDENTITY_MAP: 'identity_map.csv' in ", run.FailureDetails!.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 3 has 3 fields", run.FailureDetails.ToString(), StringComparison.Ordinal);
        var failure = Assert.Single(runLog.Failures);
        Assert.Equal("identity_map", failure.Stage);
        Assert.DoesNotContain(ActivityNames.MapContentFile, calls);
        Assert.DoesNotContain(ActivityNames.MapSearchFile, calls);
        Assert.Equal(0, await CountAsync(app.Work, "runs/"));
    }

    [Fact]
    public async Task A_missing_identity_map_blob_fails_the_run_naming_the_setting()
    {
        await using var app = await AppEnvironment.CreateAsync(new Dictionary<string, string?> { [AppSettingNames.IdentityMap] = "nowhere.csv" });
        await using var host = await InProcessEngine.StartAsync(registry => AppFunctions.Register(registry, app.Catalog));

        var run = await RunAsync(host.Client, app, "identity-missing");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains("C360_IDENTITY_MAP: there is no 'nowhere.csv' in ", run.FailureDetails!.ToString(), StringComparison.Ordinal);
    }
}
