using System.CommandLine;
using Customer360.Domain.Hosting;

namespace Customer360.Cli.Commands;

/// <summary>
/// The options shared by <c>run</c> and <c>watch</c>. This only parses arguments: the run's settings are
/// taken as raw text (a flag, else the environment variable of the same setting as the Azure app setting)
/// and bound and validated by <see cref="PipelineSettings.Bind"/>, the same code the Azure host uses.
/// </summary>
public sealed class RunOptionSet
{
    private readonly Option<DirectoryInfo?> _content = new("--content") { Description = "Folder of content logs (YYYYMMDD.json / .json.gz)." };
    private readonly Option<DirectoryInfo?> _search = new("--search") { Description = "Folder of search logs (YYYYMMDD/*.parquet, YYYYMMDD.parquet)." };
    private readonly Option<DirectoryInfo> _output = new("--out") { Description = "Folder for the tables (CSV + Parquet, by month) and the run folders (run report, report.html).", Required = true };
    private readonly Option<DirectoryInfo?> _work = new("--work") { Description = "Intermediate folder (partials and the keyword cache, reused by reruns). Default: <out>/.work" };
    private readonly Option<int> _parallelism = new("--parallelism") { Description = "Steps run at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
    private readonly Option<int[]> _months = new("--month") { Description = "Only this month (YYYYMM); repeatable. Default: every month found.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _storage = new("--storage") { Description = "Azure Storage connection string (e.g. Azurite): read content/ and search/ from --container." };
    private readonly Option<string?> _container = new("--container") { Description = "Blob container with content/YYYYMMDD.json[.gz] and search/YYYYMMDD/*.parquet." };

    /// <summary>The run's settings: flag → the app setting it stands for (also read from the environment when the flag is absent).</summary>
    private readonly List<(Option<string?> Option, string Setting)> _settings =
    [
        (SettingFlags.Create("--shards", AppSettingNames.Shards, $"Shards per map partial (= reduce steps); default {PipelineSettings.DefaultShards}."), AppSettingNames.Shards),
        (SettingFlags.Create("--high-days", AppSettingNames.HighActivityDays, "ActiveDays at or above this is High; default 15."), AppSettingNames.HighActivityDays),
        (SettingFlags.Create("--classifier", AppSettingNames.Classifier, "offline (default), openai or azure-openai."), AppSettingNames.Classifier),
        (SettingFlags.Create("--openai-endpoint", AppSettingNames.OpenAiEndpoint, "OpenAI-compatible base URL or Azure OpenAI endpoint."), AppSettingNames.OpenAiEndpoint),
        (SettingFlags.Create("--openai-key", AppSettingNames.OpenAiKey, "API key (prefer the environment variable; never logged)."), AppSettingNames.OpenAiKey),
        (SettingFlags.Create("--model", AppSettingNames.OpenAiModel, "Model, or the Azure deployment name; default gpt-4o-mini."), AppSettingNames.OpenAiModel),
        (SettingFlags.Create("--batch-size", AppSettingNames.ClassifyBatchSize, "Keywords per classification request; default 50."), AppSettingNames.ClassifyBatchSize),
        (SettingFlags.Create("--classify-parallelism", AppSettingNames.ClassifyParallelism, "Classification requests in flight at once; default 8."), AppSettingNames.ClassifyParallelism),
        (SettingFlags.Create("--mysql", AppSettingNames.MySqlConnectionString, "MySQL connection string: also load the tables there (and keep the keyword cache there)."), AppSettingNames.MySqlConnectionString),
        (SettingFlags.Create("--category-map", AppSettingNames.CategoryMap, "JSON file mapping AppName to category name (replaces the built-in table)."), AppSettingNames.CategoryMap),
        (SettingFlags.Create("--classifier-instructions", AppSettingNames.ClassifierInstructions, "Text file with the LLM classifier's instructions (replaces the built-in ones)."), AppSettingNames.ClassifierInstructions),
        (SettingFlags.Create("--requests-per-minute", AppSettingNames.OpenAiRequestsPerMinute, "The LLM deployment's requests-per-minute limit, to pace under it."), AppSettingNames.OpenAiRequestsPerMinute),
        (SettingFlags.Create("--identity-map", AppSettingNames.IdentityMap, "CSV file with a contract,user_id header joining content and search in customer_360 (default: contract = user_id)."), AppSettingNames.IdentityMap),
        (SettingFlags.Create("--tokens-per-minute", AppSettingNames.OpenAiTokensPerMinute, "The LLM deployment's tokens-per-minute limit."), AppSettingNames.OpenAiTokensPerMinute),
    ];

    /// <summary>A switch, so not in the list above: present means <c>true</c> for <see cref="AppSettingNames.ReclassifyStale"/>.</summary>
    private readonly Option<bool> _reclassifyStale = new("--reclassify-stale") { Description = $"Classify again the cached keywords that another model or other instructions decided. Env: {AppSettingNames.ReclassifyStale}." };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log every step." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _content, _search, _output, _work, _parallelism, _months, _storage, _container, _reclassifyStale, Verbose }.Concat(_settings.Select(s => s.Option)))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Binds the options; returns an error message (naming the flag or variable and the allowed values) when they do not fit.</summary>
    public (LocalRunOptions? Options, string? Error) Bind(ParseResult parse, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (parse.GetValue(_storage) is not null && parse.GetValue(_container) is null)
        {
            return (null, "--storage needs --container.");
        }
        if (parse.GetValue(_content) is null && parse.GetValue(_search) is null && parse.GetValue(_storage) is null)
        {
            return (null, "Give --content and/or --search folders, or --storage with --container.");
        }
        PipelineSettings settings;
        try
        {
            settings = PipelineSettings.Bind(Source(parse, environment));
        }
        catch (SettingsException ex)
        {
            return (null, ex.Message);
        }
        return (new LocalRunOptions
        {
            ContentDirectory = parse.GetValue(_content)?.FullName,
            SearchDirectory = parse.GetValue(_search)?.FullName,
            OutputDirectory = parse.GetValue(_output)!.FullName,
            WorkDirectory = parse.GetValue(_work)?.FullName,
            Parallelism = parse.GetValue(_parallelism),
            Months = parse.GetValue(_months),
            Settings = settings,
            StorageConnectionString = parse.GetValue(_storage),
            Container = parse.GetValue(_container),
        }, null);
    }

    private SettingSource Source(ParseResult parse, Func<string, string?> environment) =>
        SettingFlags.Source(parse, _settings, environment, [(_reclassifyStale, AppSettingNames.ReclassifyStale)]);
}
