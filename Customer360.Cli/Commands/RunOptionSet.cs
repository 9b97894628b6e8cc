using System.CommandLine;
using Customer360.Domain.Classification;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;

namespace Customer360.Cli.Commands;

/// <summary>The options shared by <c>run</c> and <c>watch</c>, and how they bind to <see cref="LocalRunOptions"/>.</summary>
public sealed class RunOptionSet
{
    private readonly Option<DirectoryInfo?> _content = new("--content") { Description = "Folder of content logs (YYYYMMDD.json / .json.gz)." };
    private readonly Option<DirectoryInfo?> _search = new("--search") { Description = "Folder of search logs (YYYYMMDD/*.parquet, YYYYMMDD.parquet)." };
    private readonly Option<DirectoryInfo> _output = new("--out") { Description = "Folder for the tables (CSV + Parquet), the run report and report.html.", Required = true };
    private readonly Option<DirectoryInfo?> _work = new("--work") { Description = "Intermediate folder (partials and the keyword cache, reused by reruns). Default: <out>/.work" };
    private readonly Option<int> _parallelism = new("--parallelism") { Description = "Steps run at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
    private readonly Option<int> _shards = new("--shards") { Description = "Shards per map partial (= reduce steps).", DefaultValueFactory = _ => LocalRunOptions.DefaultShards };
    private readonly Option<int> _highDays = new("--high-days") { Description = "ActiveDays at or above this is High.", DefaultValueFactory = _ => 15 };
    private readonly Option<int[]> _months = new("--month") { Description = "Only this month (YYYYMM); repeatable. Default: every month found.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _classifier = new("--classifier") { Description = $"offline (default), openai or azure-openai. Env: {AppSettingNames.Classifier}." };
    private readonly Option<string?> _endpoint = new("--openai-endpoint") { Description = $"OpenAI-compatible base URL or Azure OpenAI endpoint. Env: {AppSettingNames.OpenAiEndpoint}." };
    private readonly Option<string?> _key = new("--openai-key") { Description = $"API key (prefer the env var {AppSettingNames.OpenAiKey}; never logged)." };
    private readonly Option<string?> _model = new("--model") { Description = $"Model, or the Azure deployment name (default gpt-4o-mini). Env: {AppSettingNames.OpenAiModel}." };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Keywords per classification request.", DefaultValueFactory = _ => PipelineRequest.DefaultBatchSize };
    private readonly Option<int> _classifyParallelism = new("--classify-parallelism") { Description = "Classification requests in flight at once.", DefaultValueFactory = _ => PipelineRequest.DefaultClassifyParallelism };
    private readonly Option<string?> _storage = new("--storage") { Description = "Azure Storage connection string (e.g. Azurite): read content/ and search/ from --container." };
    private readonly Option<string?> _container = new("--container") { Description = "Blob container with content/YYYYMMDD.json[.gz] and search/YYYYMMDD/*.parquet." };
    private readonly Option<string?> _mysql = new("--mysql") { Description = $"MySQL connection string: also load the tables there (and keep the keyword cache there). Env: {AppSettingNames.MySqlConnectionString}." };
    private readonly Option<FileInfo?> _categoryMap = new("--category-map") { Description = $"JSON file mapping AppName to category name (replaces the built-in table). Env: {AppSettingNames.CategoryMap}." };
    private readonly Option<FileInfo?> _instructions = new("--classifier-instructions") { Description = $"Text file with the LLM classifier's instructions (replaces the built-in ones). Env: {AppSettingNames.ClassifierInstructions}." };
    private readonly Option<bool> _reclassifyStale = new("--reclassify-stale") { Description = "Classify again the cached keywords that another model or other instructions decided." };
    private readonly Option<int?> _requestsPerMinute = new("--requests-per-minute") { Description = $"The LLM deployment's requests-per-minute limit, to pace under it. Env: {AppSettingNames.OpenAiRequestsPerMinute}." };
    private readonly Option<int?> _tokensPerMinute = new("--tokens-per-minute") { Description = $"The LLM deployment's tokens-per-minute limit. Env: {AppSettingNames.OpenAiTokensPerMinute}." };
    private readonly Option<FileInfo?> _identityMap = new("--identity-map") { Description = "CSV with contract,user_id joining content and search in customer_360 (default: contract = user_id)." };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log every step." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _content, _search, _output, _work, _parallelism, _shards, _highDays, _months, _classifier, _endpoint, _key, _model, _batchSize, _classifyParallelism, _storage, _container, _mysql, _identityMap, _categoryMap, _instructions, _reclassifyStale, _requestsPerMinute, _tokensPerMinute, Verbose })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Binds the options (falling back to the environment for secrets and endpoints); returns an error message when they do not fit.</summary>
    public (LocalRunOptions? Options, string? Error) Bind(ParseResult parse)
    {
        if (parse.GetValue(_storage) is not null && parse.GetValue(_container) is null)
        {
            return (null, "--storage needs --container.");
        }
        if (parse.GetValue(_content) is null && parse.GetValue(_search) is null && parse.GetValue(_storage) is null)
        {
            return (null, "Give --content and/or --search folders, or --storage with --container.");
        }
        if (ParseClassifier(parse.GetValue(_classifier) ?? Environment.GetEnvironmentVariable(AppSettingNames.Classifier) ?? "offline") is not { } classifier)
        {
            return (null, "--classifier must be offline, openai or azure-openai.");
        }
        var classification = ClassificationOptions.Bind(
            parse.GetValue(_categoryMap)?.FullName, parse.GetValue(_instructions)?.FullName,
            parse.GetValue(_requestsPerMinute), parse.GetValue(_tokensPerMinute), parse.GetValue(_reclassifyStale));
        if (classification.Error is not null)
        {
            return (null, classification.Error);
        }
        return (new LocalRunOptions
        {
            ContentDirectory = parse.GetValue(_content)?.FullName,
            SearchDirectory = parse.GetValue(_search)?.FullName,
            OutputDirectory = parse.GetValue(_output)!.FullName,
            WorkDirectory = parse.GetValue(_work)?.FullName,
            Parallelism = parse.GetValue(_parallelism),
            Shards = parse.GetValue(_shards),
            HighActivityDays = parse.GetValue(_highDays),
            Months = parse.GetValue(_months),
            Classifier = classifier,
            OpenAiEndpoint = parse.GetValue(_endpoint) ?? Env(AppSettingNames.OpenAiEndpoint),
            OpenAiKey = parse.GetValue(_key) ?? Env(AppSettingNames.OpenAiKey),
            Model = parse.GetValue(_model) ?? Env(AppSettingNames.OpenAiModel) ?? OpenAiClassifierSettings.DefaultModel,
            BatchSize = parse.GetValue(_batchSize),
            ClassifyParallelism = parse.GetValue(_classifyParallelism),
            MySqlConnectionString = parse.GetValue(_mysql) ?? Env(AppSettingNames.MySqlConnectionString),
            IdentityMapPath = parse.GetValue(_identityMap)?.FullName,
            StorageConnectionString = parse.GetValue(_storage),
            Container = parse.GetValue(_container),
            CategoryMap = classification.CategoryMap,
            Instructions = classification.Instructions,
            ReclassifyStale = classification.ReclassifyStale,
            RequestsPerMinute = classification.RequestsPerMinute,
            TokensPerMinute = classification.TokensPerMinute,
        }, null);
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static ClassifierKind? ParseClassifier(string value) => value.ToLowerInvariant() switch
    {
        "offline" or "rules" => ClassifierKind.Offline,
        "openai" => ClassifierKind.OpenAi,
        "azure-openai" or "azure" => ClassifierKind.AzureOpenAi,
        _ => null,
    };
}
