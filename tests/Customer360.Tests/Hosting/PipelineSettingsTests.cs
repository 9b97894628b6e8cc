using Azure.Core;
using Customer360.Domain.Classification;
using Customer360.Domain.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Hosting;

/// <summary>Every validation rule of the one settings model, as the Azure host meets it (app settings).</summary>
public class PipelineSettingsTests
{
    private static PipelineSettings Bind(params (string Name, string Value)[] settings)
    {
        var values = settings.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        return PipelineSettings.Bind(SettingSource.FromAppSettings(values.GetValueOrDefault));
    }

    private static string Error(params (string Name, string Value)[] settings) => Assert.Throws<SettingsException>(() => Bind(settings)).Message;

    [Fact]
    public void Nothing_set_gives_the_one_set_of_defaults()
    {
        var settings = Bind();
        Assert.Equal(new PipelineSettings(), settings);
        Assert.Equal(8, settings.Shards);
        Assert.Equal(15, settings.HighActivityDays);
        Assert.Equal(ClassifierKind.Offline, settings.Classifier);
        Assert.Equal((50, 8), (settings.BatchSize, settings.ClassifyParallelism));
        Assert.Equal("gpt-4o-mini", settings.Model);
        // An empty value is "not set" (infra sets C360_OPENAI_KEY to '' for the managed identity).
        Assert.Equal(new PipelineSettings(), Bind((AppSettingNames.Shards, ""), (AppSettingNames.OpenAiKey, " ")));
    }

    [Fact]
    public void All_values_bind()
    {
        var settings = Bind(
            (AppSettingNames.Shards, "16"), (AppSettingNames.HighActivityDays, "12"), (AppSettingNames.Classifier, "Azure-OpenAI"),
            (AppSettingNames.OpenAiEndpoint, "https://x.openai.azure.com/"), (AppSettingNames.OpenAiModel, "dep"),
            (AppSettingNames.ClassifyBatchSize, "20"), (AppSettingNames.ClassifyParallelism, "4"), (AppSettingNames.MySqlConnectionString, "Server=db;Database=c360"));
        Assert.Equal(new PipelineSettings
        {
            Shards = 16, HighActivityDays = 12, Classifier = ClassifierKind.AzureOpenAi, OpenAiEndpoint = new Uri("https://x.openai.azure.com/"),
            Model = "dep", BatchSize = 20, ClassifyParallelism = 4, MySqlConnectionString = "Server=db;Database=c360",
        }, settings);
        var request = settings.Request("r1", [202204], Domain.Flow.PipelineStreams.Content);
        Assert.Equal((16, 20, 4), (request.Shards, request.ClassifyBatchSize, request.ClassifyParallelism));
    }

    [Theory]
    [InlineData("ofline")]
    [InlineData("rules")]
    [InlineData("gpt")]
    public void An_unknown_classifier_names_the_setting_and_the_allowed_values(string value)
    {
        var message = Error((AppSettingNames.Classifier, value));
        Assert.Contains($"C360_CLASSIFIER: '{value}' is not a classifier; allowed: offline, openai, azure-openai.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppSettingNames.Shards, "abc", "1 to 1024")]
    [InlineData(AppSettingNames.Shards, "1.5", "1 to 1024")]
    [InlineData(AppSettingNames.Shards, "-4", "1 to 1024")]
    [InlineData(AppSettingNames.HighActivityDays, "fifteen", "1 to 31")]
    [InlineData(AppSettingNames.ClassifyBatchSize, "50x", "1 to 1000")]
    [InlineData(AppSettingNames.ClassifyParallelism, "eight", "1 to 64")]
    public void A_bad_number_names_the_setting_and_the_allowed_range(string name, string value, string allowed)
    {
        Assert.Contains($"{name}: '{value}' is not a whole number; allowed: {allowed}.", Error((name, value)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppSettingNames.Shards, "0", "1 to 1024")]
    [InlineData(AppSettingNames.Shards, "5000", "1 to 1024")]
    [InlineData(AppSettingNames.HighActivityDays, "32", "1 to 31")]
    [InlineData(AppSettingNames.HighActivityDays, "0", "1 to 31")]
    [InlineData(AppSettingNames.ClassifyBatchSize, "0", "1 to 1000")]
    [InlineData(AppSettingNames.ClassifyParallelism, "0", "1 to 64")]
    public void A_number_out_of_range_names_the_setting_and_the_allowed_range(string name, string value, string allowed)
    {
        Assert.Contains($"{name}: {value} is out of range; allowed: {allowed}.", Error((name, value)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("azure-openai")]
    public void An_llm_classifier_without_an_endpoint_stops(string classifier)
    {
        var message = Error((AppSettingNames.Classifier, classifier), (AppSettingNames.OpenAiKey, "k"));
        Assert.Contains($"C360_OPENAI_ENDPOINT: required when C360_CLASSIFIER is {classifier}", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/v1")]
    [InlineData("ftp://host/v1")]
    public void An_endpoint_that_is_not_an_absolute_http_url_stops(string endpoint)
    {
        var message = Error((AppSettingNames.Classifier, "openai"), (AppSettingNames.OpenAiEndpoint, endpoint), (AppSettingNames.OpenAiKey, "k"));
        Assert.Contains($"C360_OPENAI_ENDPOINT: '{endpoint}' is not an absolute http(s) URL.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("required", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Openai_without_a_key_stops_but_azure_openai_may_use_its_identity()
    {
        var message = Error((AppSettingNames.Classifier, "openai"), (AppSettingNames.OpenAiEndpoint, "https://api.example/v1"));
        Assert.Contains("C360_OPENAI_KEY: required when C360_CLASSIFIER is openai", message, StringComparison.Ordinal);
        Assert.Null(Bind((AppSettingNames.Classifier, "azure-openai"), (AppSettingNames.OpenAiEndpoint, "https://x.openai.azure.com/")).OpenAiKey);
    }

    [Fact]
    public void An_endpoint_without_a_classifier_is_not_silently_run_offline()
    {
        var message = Error((AppSettingNames.OpenAiEndpoint, "https://x.openai.azure.com/"));
        Assert.Contains("C360_CLASSIFIER: not set, but C360_OPENAI_ENDPOINT is; set it to openai or azure-openai (or offline to use the rules).", message, StringComparison.Ordinal);
        Assert.Equal(ClassifierKind.Offline, Bind((AppSettingNames.Classifier, "offline"), (AppSettingNames.OpenAiEndpoint, "https://x/")).Classifier);
    }

    [Fact]
    public void A_malformed_mysql_connection_string_stops_without_echoing_it()
    {
        var message = Error((AppSettingNames.MySqlConnectionString, "Server=db;Password=hunter2;NoSuchOption=1"));
        Assert.Contains("C360_MYSQL: not a valid MySQL connection string", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = Assert.Throws<SettingsException>(() => Bind((AppSettingNames.Classifier, "x"), (AppSettingNames.Shards, "y"), (AppSettingNames.HighActivityDays, "40"))).Errors;
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Settings_made_in_code_follow_the_same_rules()
    {
        Assert.Contains("C360_SHARDS: 0 is out of range", Assert.Throws<SettingsException>(() => new PipelineSettings { Shards = 0 }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("C360_OPENAI_ENDPOINT: required", Assert.Throws<SettingsException>(() => new PipelineSettings { Classifier = ClassifierKind.AzureOpenAi }.Validate()).Message, StringComparison.Ordinal);
    }

    private sealed class NoCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("not used");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("not used");
    }

    [Fact]
    public void The_azure_host_stops_at_start_on_a_misspelt_classifier_or_a_bad_shard_count_instead_of_falling_back()
    {
        var settings = new Dictionary<string, string?>
        {
            [AppSettingNames.LogsConnection] = "UseDevelopmentStorage=true",
            [AppSettingNames.Classifier] = "azure_openai",
            [AppSettingNames.Shards] = "sixteen",
        };
        var message = Assert.Throws<SettingsException>(() => HostedEnvironmentFactory.Create(settings.GetValueOrDefault, new NoCredential(), NullLoggerFactory.Instance)).Message;
        Assert.Contains("C360_CLASSIFIER: 'azure_openai' is not a classifier", message, StringComparison.Ordinal);
        Assert.Contains("C360_SHARDS: 'sixteen' is not a whole number", message, StringComparison.Ordinal);
        // The triggers build their run request from the same settings: they stop too.
        Assert.Throws<SettingsException>(() => HostedEnvironmentFactory.Request("month-202204", settings.GetValueOrDefault, 202204, Domain.Flow.PipelineStreams.All));
    }

    [Fact]
    public void The_azure_host_without_a_storage_connection_names_both_ways_to_set_one()
    {
        var message = Assert.Throws<SettingsException>(() => HostedEnvironmentFactory.Create(_ => null, new NoCredential(), NullLoggerFactory.Instance)).Message;
        Assert.Contains("C360Logs: not set", message, StringComparison.Ordinal);
        Assert.Contains("C360Logs__blobServiceUri", message, StringComparison.Ordinal);
    }
}
