using System.CommandLine;
using System.Text.Json;
using Customer360.Domain.Classification;
using Customer360.Domain.Classification.Evaluation;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;

namespace Customer360.Cli.Commands;

/// <summary>
/// <c>eval-classifier [--set FILE] [--classifier …]</c>: measures a classifier on a labelled set (the shipped
/// <c>eval/keyword_genres.csv</c> by default): accuracy, per-genre precision and recall, the most common
/// confusions, requests, tokens and the estimated cost at gpt-4o-mini prices. Takes the same classifier
/// settings as <c>run</c> (options or the same environment variables), so one command measures the real model.
/// </summary>
public static class EvalClassifierCommand
{
    /// <summary>Where the shipped labelled set is copied beside the binary.</summary>
    public static string DefaultSetPath => Path.Combine(AppContext.BaseDirectory, "eval", "keyword_genres.csv");

    public static Command Create()
    {
        var set = new Option<FileInfo?>("--set") { Description = "Labelled CSV (keyword,genre). Default: the shipped eval/keyword_genres.csv." };
        // The classifier settings of `run`, bound by the same model (flag, else the environment variable).
        var flags = new (Option<string?> Option, string Setting)[]
        {
            (SettingFlags.Create("--classifier", AppSettingNames.Classifier, "offline (default), openai or azure-openai."), AppSettingNames.Classifier),
            (SettingFlags.Create("--openai-endpoint", AppSettingNames.OpenAiEndpoint, "OpenAI-compatible base URL or Azure OpenAI endpoint."), AppSettingNames.OpenAiEndpoint),
            (SettingFlags.Create("--openai-key", AppSettingNames.OpenAiKey, "API key (prefer the environment variable; never logged)."), AppSettingNames.OpenAiKey),
            (SettingFlags.Create("--model", AppSettingNames.OpenAiModel, "Model, or the Azure deployment name (default gpt-4o-mini)."), AppSettingNames.OpenAiModel),
            (SettingFlags.Create("--batch-size", AppSettingNames.ClassifyBatchSize, "Keywords per request (default 50)."), AppSettingNames.ClassifyBatchSize),
            (SettingFlags.Create("--classify-parallelism", AppSettingNames.ClassifyParallelism, "Requests in flight at once (default 8)."), AppSettingNames.ClassifyParallelism),
            (SettingFlags.Create("--classifier-instructions", AppSettingNames.ClassifierInstructions, "Instructions file (replaces the built-in ones)."), AppSettingNames.ClassifierInstructions),
            (SettingFlags.Create("--requests-per-minute", AppSettingNames.OpenAiRequestsPerMinute, "Requests-per-minute budget."), AppSettingNames.OpenAiRequestsPerMinute),
            (SettingFlags.Create("--tokens-per-minute", AppSettingNames.OpenAiTokensPerMinute, "Tokens-per-minute budget."), AppSettingNames.OpenAiTokensPerMinute),
        };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the full result (every score and confusion) as JSON to this file." };
        var command = new Command("eval-classifier", "Measure a keyword classifier on a labelled set: accuracy, per-genre precision/recall, confusions, cost.")
        {
            set, json,
        };
        foreach (var (option, _) in flags)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var labelled = LabelledKeywordCsv.Read(parse.GetValue(set)?.FullName ?? DefaultSetPath);
                // Only the classifier's settings: an unrelated variable (C360_MYSQL, C360_CATEGORY_MAP) is not this command's business.
                var own = flags.Select(f => f.Setting).ToHashSet(StringComparer.Ordinal);
                var settings = PipelineSettings.Bind(SettingFlags.Source(parse, flags, name => own.Contains(name) ? Environment.GetEnvironmentVariable(name) : null));
                var built = KeywordClassifierFactory.Create(settings.Classifier, settings.OpenAiEndpoint?.ToString(), settings.OpenAiKey, settings.ClassifierSettings);
                try
                {
                    var result = await ClassifierEvaluation.RunAsync(built, labelled, settings.BatchSize, settings.ClassifyParallelism, ModelPrices.Gpt4oMini, cancellationToken).ConfigureAwait(false);
                    Console.Write(EvaluationText.Render(result));
                    if (parse.GetValue(json) is { } file)
                    {
                        file.Directory?.Create();
                        await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(result, FlowJson.Options), cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    (built as IDisposable)?.Dispose();
                }
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or SettingsException)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
