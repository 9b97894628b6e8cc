using Customer360.Domain.Classification;
using Customer360.Domain.Content;
using Customer360.Domain.Flow;

namespace Customer360.Cli;

/// <summary>Everything <c>run</c> needs, with the embedded defaults.</summary>
public sealed record LocalRunOptions
{
    public const int DefaultShards = 8;

    /// <summary>Folder of content logs; null = no content stream.</summary>
    public string? ContentDirectory { get; init; }

    /// <summary>Folder of search logs (YYYYMMDD/*.parquet); null = no search stream.</summary>
    public string? SearchDirectory { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>The intermediate store; defaults to <c>&lt;out&gt;/.work</c> so reruns reuse partials and the keyword cache.</summary>
    public string? WorkDirectory { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public int Shards { get; init; } = DefaultShards;

    public int HighActivityDays { get; init; } = ContentProfileCalculator.DefaultHighActivityDays;

    public IReadOnlyList<int>? Months { get; init; }

    public ClassifierKind Classifier { get; init; } = ClassifierKind.Offline;

    public string? OpenAiEndpoint { get; init; }

    /// <summary>The API key. Never logged, never written to the report.</summary>
    public string? OpenAiKey { get; init; }

    public string Model { get; init; } = OpenAiClassifierSettings.DefaultModel;

    public int BatchSize { get; init; } = PipelineRequest.DefaultBatchSize;

    public int ClassifyParallelism { get; init; } = PipelineRequest.DefaultClassifyParallelism;

    /// <summary>Azure Storage connection string: read content/ and search/ from a blob container instead of folders.</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>The blob container holding content/ and search/ (with <see cref="StorageConnectionString"/>).</summary>
    public string? Container { get; init; }

    /// <summary>Where partials go inside the container when reading from blob storage (and no --work is given).</summary>
    public const string BlobWorkPrefix = "_c360/work/";

    /// <summary>MySQL connection string: tables are also loaded there and the keyword cache lives there. Never logged.</summary>
    public string? MySqlConnectionString { get; init; }

    /// <summary>CSV (contract,user_id) joining the two streams in customer_360.</summary>
    public string? IdentityMapPath { get; init; }

    public string ResolvedWorkDirectory => WorkDirectory ?? Path.Combine(OutputDirectory, ".work");

    /// <summary>The embedded-mode keyword cache file.</summary>
    public string KeywordCachePath => Path.Combine(ResolvedWorkDirectory, "keyword_cache.json");

    /// <summary>The AppName → category map (<c>--category-map</c>); the built-in table by default.</summary>
    public CategoryMap CategoryMap { get; init; } = CategoryMap.Default;

    /// <summary>The LLM classifier's instructions (<c>--classifier-instructions</c>); the built-in ones by default.</summary>
    public ClassifierInstructions Instructions { get; init; } = ClassifierInstructions.Default;

    /// <summary>Classify again cached keywords decided by another model or other instructions.</summary>
    public bool ReclassifyStale { get; init; }

    /// <summary>The LLM deployment's requests-per-minute limit; null = pace by the provider's headers and 429s.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>The LLM deployment's tokens-per-minute limit; null = none configured.</summary>
    public int? TokensPerMinute { get; init; }

    /// <summary>Overrides the classifier built from the options (tests use it to count calls).</summary>
    public IKeywordClassifier? ClassifierOverride { get; init; }

    /// <summary>Overrides the JSON-file keyword cache (e.g. the MySQL cache).</summary>
    public IKeywordCache? KeywordCacheOverride { get; init; }
}
