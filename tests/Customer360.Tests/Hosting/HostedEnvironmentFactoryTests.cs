using Azure.Core;
using Customer360.Domain.Classification;
using Customer360.Domain.Hosting;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Customer360.Domain.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Hosting;

public class HostedEnvironmentFactoryTests
{
    private sealed class NoCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("not used offline");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("not used offline");
    }

    [Fact]
    public void Local_settings_give_azurite_containers_files_only_and_the_offline_classifier()
    {
        var settings = new Dictionary<string, string?>
        {
            [AppSettingNames.LogsConnection] = "UseDevelopmentStorage=true",
            [AppSettingNames.LogsContainer] = "drops",
            [AppSettingNames.HighActivityDays] = "12",
        };
        var environment = HostedEnvironmentFactory.Create(k => settings.GetValueOrDefault(k), new NoCredential(), NullLoggerFactory.Instance);
        Assert.EndsWith("/drops/", environment.Content!.Store.Location, StringComparison.Ordinal);
        Assert.Equal("content/", environment.Content.Prefix);
        Assert.Equal("search/", environment.Search!.Prefix);
        Assert.Contains("/c360-work", environment.Work.Location, StringComparison.Ordinal);
        Assert.IsType<FileTableSink>(Assert.Single(environment.Sinks));
        Assert.IsType<RuleBasedKeywordClassifier>(environment.Classifier);
        Assert.Equal(12, environment.Options.HighActivityDays);
        Assert.Null(environment.RunLog);
        Assert.Equal(PipelineSettings.DefaultShards, HostedEnvironmentFactory.Settings(k => settings.GetValueOrDefault(k)).Shards);
    }

    [Fact]
    public void Azure_settings_use_identity_mysql_and_azure_openai()
    {
        var settings = new Dictionary<string, string?>
        {
            [AppSettingNames.LogsConnection + "__blobServiceUri"] = "https://account.blob.core.windows.net",
            [AppSettingNames.MySqlConnectionString] = "Server=db;Database=c360;User ID=app",
            [AppSettingNames.Classifier] = "azure-openai",
            [AppSettingNames.OpenAiEndpoint] = "https://my-openai.openai.azure.com/",
            [AppSettingNames.OpenAiModel] = "gpt-4o-mini",
            [AppSettingNames.Shards] = "32",
        };
        var environment = HostedEnvironmentFactory.Create(k => settings.GetValueOrDefault(k), new NoCredential(), NullLoggerFactory.Instance);
        Assert.StartsWith("https://account.blob.core.windows.net/logs", environment.Content!.Store.Location, StringComparison.Ordinal);
        Assert.Contains(environment.Sinks, s => s is MySqlTableSink);
        Assert.IsType<MySqlKeywordCache>(environment.KeywordCache);
        Assert.IsType<MySqlRunLog>(environment.RunLog);
        Assert.IsType<OpenAiKeywordClassifier>(environment.Classifier);
        Assert.Equal(32, HostedEnvironmentFactory.Settings(k => settings.GetValueOrDefault(k)).Shards);
        Assert.IsType<AzureBlobStore>(environment.Output);
    }
}
