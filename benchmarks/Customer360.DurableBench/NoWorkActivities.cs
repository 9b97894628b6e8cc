using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Domain.Flow;

namespace Customer360.DurableBench;

/// <summary>
/// An activity per <see cref="ActivityNames"/> entry that does no work and answers with a result of the right
/// shape (claim-check names, zero counts), so the orchestration is all that is measured. The plan lists a month:
/// <c>files</c> content days and as many search days; classification plans <c>batches</c> batches.
/// </summary>
public sealed class NoWorkActivities(int files, int batches)
{
    private int _calls;

    public int Calls => _calls;

    public Task<JsonElement> RunAsync(string name, JsonElement input)
    {
        Interlocked.Increment(ref _calls);
        JsonNode result = name switch
        {
            ActivityNames.PlanRun => new JsonObject
            {
                ["contentFiles"] = Files("content/202204{0:00}.json"),
                ["searchFiles"] = Files("search/202206{0:00}.parquet"),
                ["ignoredFiles"] = new JsonArray(),
            },
            ActivityNames.LoadIdentityMap => new JsonObject { ["name"] = null, ["links"] = 0 },
            ActivityNames.MapContentFile => new JsonObject { ["file"] = "f", ["month"] = 202204, ["partialPrefix"] = "p/", ["contracts"] = 0, ["stats"] = new JsonObject(), ["reused"] = true, ["seconds"] = 0 },
            ActivityNames.MapSearchFile => new JsonObject { ["file"] = "f", ["month"] = 202206, ["partialPrefix"] = "p/", ["users"] = 0, ["stats"] = new JsonObject { ["rowsRead"] = 0, ["accepted"] = 0, ["skipped"] = 0, ["error"] = null }, ["reused"] = true, ["seconds"] = 0 },
            ActivityNames.ReduceContentShard => new JsonObject { ["shard"] = input.GetProperty("shard").GetInt32(), ["resultName"] = "r", ["rows"] = 0, ["seconds"] = 0 },
            ActivityNames.ReduceSearchShard => new JsonObject { ["shard"] = input.GetProperty("shard").GetInt32(), ["resultName"] = "r", ["keywordsName"] = "k", ["rows"] = 0, ["seconds"] = 0 },
            ActivityNames.LoadContent => new JsonObject { ["tables"] = new JsonArray(Table(name)), ["customer360Side"] = "c" },
            ActivityNames.LoadSearch => new JsonObject { ["tables"] = new JsonArray(Table("search_top_keyword"), Table("search_trend")), ["customer360Side"] = "s" },
            ActivityNames.LoadCustomer360 => Table(name),
            ActivityNames.PlanClassification => new JsonObject
            {
                ["distinctKeywords"] = batches * 50,
                ["cacheHits"] = 0,
                ["cachedName"] = "c",
                ["batches"] = batches,
            },
            ActivityNames.ClassifyBatch => new JsonObject
            {
                ["batchName"] = $"batch-{input.GetProperty("batch").GetInt32()}",
                ["resultName"] = "r",
                ["keywords"] = 50,
                ["usage"] = new JsonObject { ["requests"] = 1, ["inputTokens"] = 0, ["outputTokens"] = 0, ["retries"] = 0, ["fallbacks"] = 0 },
                ["seconds"] = 0,
            },
            ActivityNames.WriteRunReport => JsonValue.Create("run_report.json"),
            ActivityNames.WriteHtmlReport => JsonValue.Create("report.html"),
            ActivityNames.CleanupRun => JsonValue.Create(0),
            _ => throw new InvalidOperationException($"The benchmark has no no-work answer for activity '{name}': add one."),
        };
        return Task.FromResult(JsonSerializer.SerializeToElement(result));
    }

    private JsonArray Files(string pattern) =>
        new([.. Enumerable.Range(1, files).Select(d => new JsonObject { ["name"] = string.Format(CultureInfo.InvariantCulture, pattern, d), ["size"] = 1, ["eTag"] = "e" })]);

    private static JsonObject Table(string name) => new() { ["table"] = name, ["rows"] = 0, ["outputs"] = new JsonArray(), ["seconds"] = 0 };
}
