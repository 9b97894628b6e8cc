using Customer360.Domain.Classification;
using Customer360.Domain.Hosting;

namespace Customer360.Cli;

/// <summary>Everything <c>run</c> needs: where the data is (folders or a container), the local engine's parallelism, and the run's <see cref="PipelineSettings"/>.</summary>
public sealed record LocalRunOptions
{
    /// <summary>Folder of content logs; null = no content stream.</summary>
    public string? ContentDirectory { get; init; }

    /// <summary>Folder of search logs (YYYYMMDD/*.parquet); null = no search stream.</summary>
    public string? SearchDirectory { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>The intermediate store; defaults to <c>&lt;out&gt;/.work</c> so reruns reuse partials and the keyword cache.</summary>
    public string? WorkDirectory { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public IReadOnlyList<int>? Months { get; init; }

    /// <summary>The run's settings, shared with the Azure host (the one model, the one set of defaults).</summary>
    public PipelineSettings Settings { get; init; } = new();

    /// <summary>Azure Storage connection string: read content/ and search/ from a blob container instead of folders.</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>The blob container holding content/ and search/ (with <see cref="StorageConnectionString"/>).</summary>
    public string? Container { get; init; }

    /// <summary>Where partials go inside the container when reading from blob storage (and no --work is given).</summary>
    public const string BlobWorkPrefix = "_c360/work/";

    public string ResolvedWorkDirectory => WorkDirectory ?? Path.Combine(OutputDirectory, ".work");

    /// <summary>The embedded-mode keyword cache file.</summary>
    public string KeywordCachePath => Path.Combine(ResolvedWorkDirectory, "keyword_cache.json");

    /// <summary>Overrides the classifier built from the options (tests use it to count calls).</summary>
    public IKeywordClassifier? ClassifierOverride { get; init; }

    /// <summary>Overrides the JSON-file keyword cache (e.g. the MySQL cache).</summary>
    public IKeywordCache? KeywordCacheOverride { get; init; }
}
