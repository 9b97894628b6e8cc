namespace Customer360.Domain.Hosting;

/// <summary>
/// Every application setting the Azure Functions host reads (and local.settings.sample.json / infra/
/// set). One list, so a test can check the Bicep sets each of them.
/// </summary>
public static class AppSettingNames
{
    /// <summary>Connection name (prefix) of the storage account holding the logs; with identity: <c>C360Logs__blobServiceUri</c> etc.</summary>
    public const string LogsConnection = "C360Logs";

    /// <summary>Blob container the operator drops <c>content/</c> and <c>search/</c> into.</summary>
    public const string LogsContainer = "C360_LOGS_CONTAINER";

    /// <summary>Blob container (same account) for partials and per-run results.</summary>
    public const string WorkContainer = "C360_WORK_CONTAINER";

    /// <summary>Blob container (same account) for file outputs: CSV/Parquet, run report, report.html.</summary>
    public const string OutputContainer = "C360_OUTPUT_CONTAINER";

    /// <summary>MySQL connection string (without password when Entra authentication is used).</summary>
    public const string MySqlConnectionString = "C360_MYSQL";

    /// <summary>Azure OpenAI or OpenAI-compatible endpoint; required by an LLM classifier (set without C360_CLASSIFIER it is an error, not a silent offline run).</summary>
    public const string OpenAiEndpoint = "C360_OPENAI_ENDPOINT";

    /// <summary>Model or Azure deployment name (default gpt-4o-mini).</summary>
    public const string OpenAiModel = "C360_OPENAI_MODEL";

    /// <summary>Optional API key; absent in Azure, where the managed identity is used.</summary>
    public const string OpenAiKey = "C360_OPENAI_KEY";

    /// <summary><c>offline</c> (default), <c>openai</c> or <c>azure-openai</c>; anything else stops the run at start.</summary>
    public const string Classifier = "C360_CLASSIFIER";

    /// <summary>Shards per map partial = reduce steps per stream (default 8, <see cref="PipelineSettings.DefaultShards"/>).</summary>
    public const string Shards = "C360_SHARDS";

    public const string HighActivityDays = "C360_HIGH_ACTIVITY_DAYS";

    /// <summary>Distinct keywords per classification request (default 50).</summary>
    public const string ClassifyBatchSize = "C360_CLASSIFY_BATCH_SIZE";

    /// <summary>Classification requests in flight at once (default 8).</summary>
    public const string ClassifyParallelism = "C360_CLASSIFY_PARALLELISM";

    /// <summary>The AppName → category map: the JSON object itself (starts with <c>{</c>) or the path of a file holding it; empty = the built-in table.</summary>
    public const string CategoryMap = "C360_CATEGORY_MAP";

    /// <summary>Path of a file with the LLM classifier's instructions; empty = the built-in instructions.</summary>
    public const string ClassifierInstructions = "C360_CLASSIFIER_INSTRUCTIONS";

    /// <summary><c>true</c>: classify again the cached keywords another model or other instructions decided; empty/<c>false</c> = use the cache as it is.</summary>
    public const string ReclassifyStale = "C360_RECLASSIFY_STALE";

    /// <summary>
    /// The identity map joining content contracts and search users in <c>customer_360</c>: a CSV with a
    /// <c>contract,user_id</c> header — in Azure the name of a blob in the logs container (outside <c>content/</c> and
    /// <c>search/</c>), in the CLI a file path. Empty = a contract is its own user_id. A missing file or a malformed line stops the run.
    /// </summary>
    public const string IdentityMap = "C360_IDENTITY_MAP";

    /// <summary>The deployment's requests-per-minute limit, to pace requests under it; empty = pace by the provider's headers and 429s only.</summary>
    public const string OpenAiRequestsPerMinute = "C360_OPENAI_REQUESTS_PER_MINUTE";

    /// <summary>The deployment's tokens-per-minute limit; empty = none configured.</summary>
    public const string OpenAiTokensPerMinute = "C360_OPENAI_TOKENS_PER_MINUTE";
}
