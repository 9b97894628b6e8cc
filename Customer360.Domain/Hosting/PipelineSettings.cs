using System.Globalization;
using Customer360.Domain.Classification;
using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using MySqlConnector;

namespace Customer360.Domain.Hosting;

/// <summary>
/// The settings of a run, the same for both hosts, with the one set of defaults. The CLI turns its flags
/// (falling back to the environment) and the Functions app its app settings into raw values
/// (a <see cref="SettingSource"/>, by <see cref="AppSettingNames"/> name); <see cref="Bind"/> parses and
/// validates them strictly: an unknown classifier, a bad number, a missing endpoint or key is an error
/// naming the setting and the allowed values, never a silent default. An empty value means "not set".
/// To add a setting: a name in <see cref="AppSettingNames"/>, a property here, a line in
/// <see cref="Bind"/> (and a rule in <see cref="Validate"/>), a flag in the CLI's option set.
/// </summary>
public sealed record PipelineSettings
{
    public const int DefaultShards = 8;
    public const int MaxShards = 1024;
    public const int MaxBatchSize = 1000;
    public const int MaxClassifyParallelism = 64;
    public const int MaxPerMinute = 1_000_000_000;

    /// <summary>Names of the classifiers, as settings spell them.</summary>
    public static IReadOnlyDictionary<string, ClassifierKind> ClassifierNames { get; } = new Dictionary<string, ClassifierKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["offline"] = ClassifierKind.Offline,
        ["openai"] = ClassifierKind.OpenAi,
        ["azure-openai"] = ClassifierKind.AzureOpenAi,
    };

    /// <summary>Shards per map partial, i.e. reduce steps per stream (<c>C360_SHARDS</c>).</summary>
    public int Shards { get; init; } = DefaultShards;

    /// <summary>ActiveDays at or above this is <c>High</c> (<c>C360_HIGH_ACTIVITY_DAYS</c>).</summary>
    public int HighActivityDays { get; init; } = ContentProfileCalculator.DefaultHighActivityDays;

    public ClassifierKind Classifier { get; init; } = ClassifierKind.Offline;

    /// <summary>OpenAI-compatible base URL or Azure OpenAI endpoint; required by the LLM classifiers.</summary>
    public Uri? OpenAiEndpoint { get; init; }

    /// <summary>The API key: required by <c>openai</c>; optional for <c>azure-openai</c> (managed identity). Never logged.</summary>
    public string? OpenAiKey { get; init; }

    /// <summary>Model, or the Azure deployment name.</summary>
    public string Model { get; init; } = OpenAiClassifierSettings.DefaultModel;

    /// <summary>Distinct keywords per classification request.</summary>
    public int BatchSize { get; init; } = PipelineRequest.DefaultBatchSize;

    /// <summary>Classification requests in flight at once.</summary>
    public int ClassifyParallelism { get; init; } = PipelineRequest.DefaultClassifyParallelism;

    /// <summary>MySQL connection string: tables, keyword cache and run log go there too. Never logged.</summary>
    public string? MySqlConnectionString { get; init; }

    /// <summary>AppName → category (<c>C360_CATEGORY_MAP</c>: the JSON object itself, or a file path); the design's table by default.</summary>
    public CategoryMap CategoryMap { get; init; } = CategoryMap.Default;

    /// <summary>The LLM classifier's instructions (<c>C360_CLASSIFIER_INSTRUCTIONS</c>: a file path); the built-in ones by default.</summary>
    public ClassifierInstructions Instructions { get; init; } = ClassifierInstructions.Default;

    /// <summary>Classify again the cached keywords another model or other instructions decided (<c>C360_RECLASSIFY_STALE</c>).</summary>
    public bool ReclassifyStale { get; init; }

    /// <summary>The LLM deployment's requests-per-minute limit, to pace under it; null = pace by the provider's headers and 429s.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>The LLM deployment's tokens-per-minute limit; null = none configured.</summary>
    public int? TokensPerMinute { get; init; }

    /// <summary>The identity map's CSV (<c>C360_IDENTITY_MAP</c>): a blob name in the logs container (Azure), a file path (CLI); null = none.</summary>
    public string? IdentityMap { get; init; }

    /// <summary>The flow's input for a run of these settings.</summary>
    public PipelineRequest Request(string runId, IReadOnlyList<int>? months, PipelineStreams streams) =>
        new(runId, Shards, months, streams, BatchSize, ClassifyParallelism);

    public OpenAiClassifierSettings ClassifierSettings => new()
    {
        Model = Model,
        Instructions = Instructions,
        RequestsPerMinute = RequestsPerMinute,
        TokensPerMinute = TokensPerMinute,
    };

    /// <summary>Parses and validates raw values looked up by app-setting name; throws <see cref="SettingsException"/> listing every problem.</summary>
    public static PipelineSettings Bind(SettingSource source)
    {
        var errors = new List<string>();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        SettingValue? Get(string name)
        {
            var value = source.Get(name);
            if (value is null || string.IsNullOrWhiteSpace(value.Raw))
            {
                return null;
            }
            origins[name] = value.Origin;
            return value with { Raw = value.Raw.Trim() };
        }
        int Number(string name, int fallback, int min, int max)
        {
            if (Get(name) is not { } value)
            {
                return fallback;
            }
            if (!int.TryParse(value.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                errors.Add($"{value.Origin}: '{value.Raw}' is not a whole number; allowed: {min} to {max}.");
                return fallback;
            }
            return n; // the range is checked by Validate, once for every way settings are made
        }
        int? OptionalNumber(string name, int min, int max) => Get(name) is null ? null : Number(name, min, min, max);
        T FromFile<T>(string name, T fallback, Func<string, T> read)
        {
            if (Get(name) is not { } value)
            {
                return fallback;
            }
            try
            {
                return read(value.Raw);
            }
            catch (InvalidDataException ex)
            {
                errors.Add($"{value.Origin}: {ex.Message}");
                return fallback;
            }
        }
        bool Flag(string name)
        {
            switch (Get(name)?.Raw.ToLowerInvariant())
            {
                case null or "false":
                    return false;
                case "true":
                    return true;
                default:
                    errors.Add($"{Get(name)!.Origin}: '{Get(name)!.Raw}' is not a flag; allowed: true, false.");
                    return false;
            }
        }

        var defaults = new PipelineSettings();
        var classifier = defaults.Classifier;
        if (Get(AppSettingNames.Classifier) is { } kind)
        {
            if (ClassifierNames.TryGetValue(kind.Raw, out var parsed))
            {
                classifier = parsed;
            }
            else
            {
                errors.Add($"{kind.Origin}: '{kind.Raw}' is not a classifier; allowed: {string.Join(", ", ClassifierNames.Keys)}.");
            }
        }
        else if (Get(AppSettingNames.OpenAiEndpoint) is { } orphan)
        {
            // An endpoint without a classifier would silently classify offline: say so instead.
            errors.Add($"{source.NameOf(AppSettingNames.Classifier)}: not set, but {orphan.Origin} is; set it to openai or azure-openai (or offline to use the rules).");
        }
        Uri? endpoint = null;
        if (Get(AppSettingNames.OpenAiEndpoint) is { } url)
        {
            if (Uri.TryCreate(url.Raw, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                endpoint = uri;
            }
            else
            {
                errors.Add($"{url.Origin}: '{url.Raw}' is not an absolute http(s) URL.");
            }
        }
        var mysql = Get(AppSettingNames.MySqlConnectionString);
        if (mysql is not null)
        {
            try
            {
                _ = new MySqlConnectionStringBuilder(mysql.Raw);
            }
            catch (ArgumentException ex)
            {
                // The connection string holds a password: name the setting and the problem, never the value.
                errors.Add($"{mysql.Origin}: not a valid MySQL connection string ({ex.Message.Split('\n')[0].Trim()}).");
            }
        }
        var settings = new PipelineSettings
        {
            Shards = Number(AppSettingNames.Shards, defaults.Shards, 1, MaxShards),
            HighActivityDays = Number(AppSettingNames.HighActivityDays, defaults.HighActivityDays, 1, 31),
            Classifier = classifier,
            OpenAiEndpoint = endpoint,
            OpenAiKey = Get(AppSettingNames.OpenAiKey)?.Raw,
            Model = Get(AppSettingNames.OpenAiModel)?.Raw ?? defaults.Model,
            BatchSize = Number(AppSettingNames.ClassifyBatchSize, defaults.BatchSize, 1, MaxBatchSize),
            ClassifyParallelism = Number(AppSettingNames.ClassifyParallelism, defaults.ClassifyParallelism, 1, MaxClassifyParallelism),
            MySqlConnectionString = mysql?.Raw,
            CategoryMap = FromFile(AppSettingNames.CategoryMap, defaults.CategoryMap, raw => CategoryMapJson.FromSetting(AppSettingNames.CategoryMap, raw)),
            Instructions = FromFile(AppSettingNames.ClassifierInstructions, defaults.Instructions, ClassifierInstructions.FromSetting),
            ReclassifyStale = Flag(AppSettingNames.ReclassifyStale),
            RequestsPerMinute = OptionalNumber(AppSettingNames.OpenAiRequestsPerMinute, 1, MaxPerMinute),
            TokensPerMinute = OptionalNumber(AppSettingNames.OpenAiTokensPerMinute, 1, MaxPerMinute),
            IdentityMap = Get(AppSettingNames.IdentityMap)?.Raw,
        };
        // A value that failed to parse is already reported; only check what was read.
        errors.AddRange(settings.Problems(name => origins.GetValueOrDefault(name) ?? source.NameOf(name), endpointGiven: endpoint is not null || Get(AppSettingNames.OpenAiEndpoint) is not null));
        if (errors.Count > 0)
        {
            throw new SettingsException(errors.Distinct().ToList());
        }
        return settings;
    }

    /// <summary>Checks settings made in code (tests, hosts' defaults) by the same rules; throws <see cref="SettingsException"/>.</summary>
    public PipelineSettings Validate()
    {
        var problems = Problems(name => name, endpointGiven: OpenAiEndpoint is not null);
        return problems.Count > 0 ? throw new SettingsException(problems) : this;
    }

    /// <summary>Every rule on the typed values; <paramref name="nameOf"/> says how the user named a setting.</summary>
    private List<string> Problems(Func<string, string> nameOf, bool endpointGiven)
    {
        var problems = new List<string>();
        void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                problems.Add($"{nameOf(name)}: {value.ToString(CultureInfo.InvariantCulture)} is out of range; allowed: {min} to {max}.");
            }
        }
        Range(AppSettingNames.Shards, Shards, 1, MaxShards);
        Range(AppSettingNames.HighActivityDays, HighActivityDays, 1, 31);
        Range(AppSettingNames.ClassifyBatchSize, BatchSize, 1, MaxBatchSize);
        Range(AppSettingNames.ClassifyParallelism, ClassifyParallelism, 1, MaxClassifyParallelism);
        if (RequestsPerMinute is { } rpm)
        {
            Range(AppSettingNames.OpenAiRequestsPerMinute, rpm, 1, MaxPerMinute);
        }
        if (TokensPerMinute is { } tpm)
        {
            Range(AppSettingNames.OpenAiTokensPerMinute, tpm, 1, MaxPerMinute);
        }
        string classifier = ClassifierNames.First(c => c.Value == Classifier).Key;
        if (Classifier != ClassifierKind.Offline && OpenAiEndpoint is null && !endpointGiven)
        {
            problems.Add($"{nameOf(AppSettingNames.OpenAiEndpoint)}: required when {nameOf(AppSettingNames.Classifier)} is {classifier}; allowed: the endpoint's absolute http(s) URL.");
        }
        if (Classifier == ClassifierKind.OpenAi && string.IsNullOrWhiteSpace(OpenAiKey))
        {
            problems.Add($"{nameOf(AppSettingNames.OpenAiKey)}: required when {nameOf(AppSettingNames.Classifier)} is openai (only azure-openai can use a managed identity instead).");
        }
        if (IdentityMap is { } map && !map.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{nameOf(AppSettingNames.IdentityMap)}: '{map}' is not a .csv file; allowed: a CSV with a contract,user_id header, or empty for none.");
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            problems.Add($"{nameOf(AppSettingNames.OpenAiModel)}: must not be empty.");
        }
        return problems;
    }
}
