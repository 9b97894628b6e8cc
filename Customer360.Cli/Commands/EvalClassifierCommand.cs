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
        var classifier = new Option<string?>("--classifier") { Description = $"offline (default), openai or azure-openai. Env: {AppSettingNames.Classifier}." };
        var endpoint = new Option<string?>("--openai-endpoint") { Description = $"OpenAI-compatible base URL or Azure OpenAI endpoint. Env: {AppSettingNames.OpenAiEndpoint}." };
        var key = new Option<string?>("--openai-key") { Description = $"API key (prefer the env var {AppSettingNames.OpenAiKey}; never logged)." };
        var model = new Option<string?>("--model") { Description = $"Model, or the Azure deployment name (default gpt-4o-mini). Env: {AppSettingNames.OpenAiModel}." };
        var batchSize = new Option<int>("--batch-size") { Description = "Keywords per request.", DefaultValueFactory = _ => PipelineRequest.DefaultBatchSize };
        var parallelism = new Option<int>("--classify-parallelism") { Description = "Requests in flight at once.", DefaultValueFactory = _ => PipelineRequest.DefaultClassifyParallelism };
        var instructions = new Option<FileInfo?>("--classifier-instructions") { Description = $"Instructions file (replaces the built-in ones). Env: {AppSettingNames.ClassifierInstructions}." };
        var rpm = new Option<int?>("--requests-per-minute") { Description = $"Requests-per-minute budget. Env: {AppSettingNames.OpenAiRequestsPerMinute}." };
        var tpm = new Option<int?>("--tokens-per-minute") { Description = $"Tokens-per-minute budget. Env: {AppSettingNames.OpenAiTokensPerMinute}." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the full result (every score and confusion) as JSON to this file." };
        var command = new Command("eval-classifier", "Measure a keyword classifier on a labelled set: accuracy, per-genre precision/recall, confusions, cost.")
        {
            set, classifier, endpoint, key, model, batchSize, parallelism, instructions, rpm, tpm, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var labelled = LabelledKeywordCsv.Read(parse.GetValue(set)?.FullName ?? DefaultSetPath);
                if (parse.GetValue(batchSize) < 1 || parse.GetValue(parallelism) < 1)
                {
                    throw new InvalidDataException("--batch-size and --classify-parallelism must be at least 1.");
                }
                var kind = ParseKind(parse.GetValue(classifier) ?? Env(AppSettingNames.Classifier) ?? "offline");
                var bound = ClassificationOptions.Bind(null, parse.GetValue(instructions)?.FullName, parse.GetValue(rpm), parse.GetValue(tpm), reclassifyStale: false);
                if (bound.Error is not null)
                {
                    throw new InvalidDataException(bound.Error);
                }
                var settings = new OpenAiClassifierSettings
                {
                    Model = parse.GetValue(model) ?? Env(AppSettingNames.OpenAiModel) ?? OpenAiClassifierSettings.DefaultModel,
                    Instructions = bound.Instructions,
                    RequestsPerMinute = bound.RequestsPerMinute,
                    TokensPerMinute = bound.TokensPerMinute,
                };
                var built = KeywordClassifierFactory.Create(kind, parse.GetValue(endpoint) ?? Env(AppSettingNames.OpenAiEndpoint), parse.GetValue(key) ?? Env(AppSettingNames.OpenAiKey), settings);
                try
                {
                    var result = await ClassifierEvaluation.RunAsync(built, labelled, parse.GetValue(batchSize), parse.GetValue(parallelism), ModelPrices.Gpt4oMini, cancellationToken).ConfigureAwait(false);
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
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static ClassifierKind ParseKind(string value) => value.Trim().ToLowerInvariant() switch
    {
        "offline" or "rules" => ClassifierKind.Offline,
        "openai" => ClassifierKind.OpenAi,
        "azure-openai" or "azure" => ClassifierKind.AzureOpenAi,
        _ => throw new InvalidDataException($"--classifier must be offline, openai or azure-openai, not \"{value}\"."),
    };

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
