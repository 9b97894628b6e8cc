using System.Globalization;

namespace Customer360.Domain.WorkStore;

/// <summary>
/// Every name in the intermediate (work) store, in one place. Two trees:
/// <list type="bullet">
/// <item><c>partials/&lt;stream&gt;/&lt;version&gt;/&lt;file&gt;/&lt;key&gt;/</c>: one daily file's map output, <c>shard-NNNNN.bin</c> per
/// shard and, once they are all written, <c>_manifest.json</c> (<see cref="MapPartialStore"/>). Kept across runs for reuse.</item>
/// <item><c>runs/&lt;runId&gt;/</c>: one run's scratch (shard results, keyword lists, classification batches, the
/// loads' hand-off to <c>customer_360</c>, the identity map), removed by the flow's last step (<see cref="RunScratch"/>).</item>
/// </list>
/// </summary>
public static class WorkNames
{
    public const string ContentStream = "content";
    public const string SearchStream = "search";
    public const string ManifestFile = "_manifest.json";

    /// <summary>The folder of one daily file's partial: stream, pipeline version, file (no '/'), key.</summary>
    public static string PartialPrefix(string stream, string version, string file, string key) =>
        $"partials/{stream}/{version}/{file.Replace('/', '_')}/{key}/";

    /// <summary>Shard <paramref name="shard"/> of a partial.</summary>
    public static string PartialShard(string partialPrefix, int shard) => $"{partialPrefix}shard-{Index(shard)}.bin";

    /// <summary>The partial's commit mark: present = every shard is written and the partial may be reused.</summary>
    public static string Manifest(string partialPrefix) => partialPrefix + ManifestFile;

    /// <summary>A run's scratch folder. Throws for an id that could widen the prefix to other runs' scratch.</summary>
    public static string RunScratch(string runId)
    {
        if (string.IsNullOrWhiteSpace(runId) || runId.Contains('/', StringComparison.Ordinal) || runId is "." or "..")
        {
            throw new ArgumentException($"'{runId}' is not a run id.", nameof(runId));
        }
        return $"runs/{runId}/";
    }

    /// <summary>One reduce step's finished rows (<c>runs/&lt;runId&gt;/content|search/shard-N.bin</c>).</summary>
    public static string ShardResult(string runId, string stream, int shard) => $"{RunScratch(runId)}{stream}/shard-{Index(shard)}.bin";

    /// <summary>The distinct top keywords of one search shard, written next to its result for classification planning.</summary>
    public static string ShardKeywords(string runId, int shard) => $"{RunScratch(runId)}{SearchStream}/keywords-{Index(shard)}.json";

    /// <summary>The cached genres the classification plan took.</summary>
    public static string CachedGenres(string runId) => $"{RunScratch(runId)}classify/cached.json";

    /// <summary>The keywords of classification batch <paramref name="batch"/>.</summary>
    public static string ClassifyBatch(string runId, int batch) => $"{RunScratch(runId)}classify/batch-{Index(batch)}.json";

    /// <summary>The genres classification batch <paramref name="batch"/> gave.</summary>
    public static string ClassifyResult(string runId, int batch) => $"{RunScratch(runId)}classify/result-{Index(batch)}.json";

    /// <summary>The content load's hand-off to <c>customer_360</c>: each contract's latest profile row.</summary>
    public static string Customer360ContentSide(string runId) => $"{RunScratch(runId)}customer_360/content.bin";

    /// <summary>The search load's hand-off to <c>customer_360</c>: each user's latest search and trend pair.</summary>
    public static string Customer360SearchSide(string runId) => $"{RunScratch(runId)}customer_360/search.bin";

    /// <summary>The run's validated identity map.</summary>
    public static string IdentityMap(string runId) => $"{RunScratch(runId)}identity_map.bin";

    private static string Index(int n) => n.ToString("D5", CultureInfo.InvariantCulture);
}
