using System.CommandLine;
using Customer360.Domain.Classification;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Domain.Reporting;

namespace Customer360.Cli.Commands;

/// <summary><c>run [--content DIR] [--search DIR] --out DIR [...]</c>: the whole pipeline on local folders.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var content = new Option<DirectoryInfo?>("--content") { Description = "Folder of content logs (YYYYMMDD.json / .json.gz)." };
        var search = new Option<DirectoryInfo?>("--search") { Description = "Folder of search logs (YYYYMMDD/*.parquet, YYYYMMDD.parquet)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the tables (CSV + Parquet) and the run report.", Required = true };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Intermediate folder (partials and the keyword cache, reused by reruns). Default: <out>/.work" };
        var parallelism = new Option<int>("--parallelism") { Description = "Steps run at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shards = new Option<int>("--shards") { Description = "Shards per map partial (= reduce steps).", DefaultValueFactory = _ => LocalRunOptions.DefaultShards };
        var highDays = new Option<int>("--high-days") { Description = "ActiveDays at or above this is High.", DefaultValueFactory = _ => 15 };
        var months = new Option<int[]>("--month") { Description = "Only this month (YYYYMM); repeatable. Default: every month found.", AllowMultipleArgumentsPerToken = true };
        var classifier = new Option<ClassifierKind?>("--classifier") { Description = $"offline (default), openai or azure-openai. Env: {AppSettingNames.Classifier}." };
        classifier.CustomParser = r => ParseClassifier(r.Tokens.Single().Value);
        var endpoint = new Option<string?>("--openai-endpoint") { Description = $"OpenAI-compatible base URL or Azure OpenAI endpoint. Env: {AppSettingNames.OpenAiEndpoint}." };
        var key = new Option<string?>("--openai-key") { Description = $"API key (prefer the env var {AppSettingNames.OpenAiKey}; never logged)." };
        var model = new Option<string?>("--model") { Description = $"Model, or the Azure deployment name (default gpt-4o-mini). Env: {AppSettingNames.OpenAiModel}." };
        var batchSize = new Option<int>("--batch-size") { Description = "Keywords per classification request.", DefaultValueFactory = _ => PipelineRequest.DefaultBatchSize };
        var classifyParallelism = new Option<int>("--classify-parallelism") { Description = "Classification requests in flight at once.", DefaultValueFactory = _ => PipelineRequest.DefaultClassifyParallelism };
        var mysql = new Option<string?>("--mysql") { Description = $"MySQL connection string: also load the tables there (and keep the keyword cache there). Env: {AppSettingNames.MySqlConnectionString}." };
        var identityMap = new Option<FileInfo?>("--identity-map") { Description = "CSV with contract,user_id joining content and search in customer_360 (default: contract = user_id)." };
        var verbose = new Option<bool>("--verbose") { Description = "Log every step." };
        var command = new Command("run", "Process every log file in the input folders.")
        {
            content, search, output, work, parallelism, shards, highDays, months, classifier, endpoint, key, model, batchSize, classifyParallelism, mysql, identityMap, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(content) is null && parse.GetValue(search) is null)
            {
                await Console.Error.WriteLineAsync("Give --content, --search or both.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            var options = new LocalRunOptions
            {
                ContentDirectory = parse.GetValue(content)?.FullName,
                SearchDirectory = parse.GetValue(search)?.FullName,
                OutputDirectory = parse.GetValue(output)!.FullName,
                WorkDirectory = parse.GetValue(work)?.FullName,
                Parallelism = parse.GetValue(parallelism),
                Shards = parse.GetValue(shards),
                HighActivityDays = parse.GetValue(highDays),
                Months = parse.GetValue(months),
                Classifier = parse.GetValue(classifier) ?? ParseClassifier(Environment.GetEnvironmentVariable(AppSettingNames.Classifier) ?? "offline"),
                OpenAiEndpoint = parse.GetValue(endpoint) ?? Environment.GetEnvironmentVariable(AppSettingNames.OpenAiEndpoint),
                OpenAiKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable(AppSettingNames.OpenAiKey),
                Model = parse.GetValue(model) ?? Environment.GetEnvironmentVariable(AppSettingNames.OpenAiModel) ?? OpenAiClassifierSettings.DefaultModel,
                BatchSize = parse.GetValue(batchSize),
                ClassifyParallelism = parse.GetValue(classifyParallelism),
                MySqlConnectionString = parse.GetValue(mysql) ?? NullIfEmpty(Environment.GetEnvironmentVariable(AppSettingNames.MySqlConnectionString)),
                IdentityMapPath = parse.GetValue(identityMap)?.FullName,
            };
            return await ExecuteAsync(options, parse.GetValue(verbose), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ClassifierKind ParseClassifier(string value) => value.ToLowerInvariant() switch
    {
        "offline" or "rules" => ClassifierKind.Offline,
        "openai" => ClassifierKind.OpenAi,
        "azure-openai" or "azure" => ClassifierKind.AzureOpenAi,
        _ => throw new ArgumentException($"Unknown classifier '{value}': use offline, openai or azure-openai."),
    };

    /// <summary>Runs and prints the run report's summary; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(LocalRunOptions options, bool verbose, CancellationToken cancellationToken)
    {
        if (options.Parallelism < 1 || options.Shards < 1 || options.BatchSize < 1 || options.ClassifyParallelism < 1)
        {
            await Console.Error.WriteLineAsync("--parallelism, --shards, --batch-size and --classify-parallelism must be at least 1.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        using var loggerFactory = Logging.Create(verbose);
        var (result, report) = await ProgressDisplay.RunAsync(onStatus =>
            LocalPipelineRunner.RunAsync(options, loggerFactory, onStatus, cancellationToken)).ConfigureAwait(false);
        Console.WriteLine();
        Console.Write(RunReportText.Render(report));
        Console.WriteLine($"Outputs: {options.OutputDirectory}");
        return result.InputErrors ? ExitCodes.InputErrors : ExitCodes.Success;
    }
}
