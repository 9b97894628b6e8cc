using Azure.Core;
using Customer360.Domain.Activities;
using Customer360.Domain.Classification;
using Customer360.Domain.Tables;
using Customer360.Domain.Warehouse;
using Microsoft.Extensions.Logging;

namespace Customer360.Domain.Hosting;

/// <summary>
/// The one way both hosts turn validated <see cref="PipelineSettings"/> and their stores into the
/// <see cref="PipelineEnvironment"/> the activities run against: file sink always, MySQL sink, keyword
/// cache and run log when MySQL is configured (else the cache is a JSON file), the configured classifier.
/// </summary>
public static class PipelineEnvironmentBuilder
{
    /// <param name="credential">For Azure OpenAI without a key (managed identity); null = keys only.</param>
    /// <param name="classifier">Replaces the classifier the settings name (tests count calls with it).</param>
    /// <param name="keywordCache">Replaces the cache the settings imply.</param>
    public static PipelineEnvironment Build(
        PipelineSettings settings,
        PipelineStores stores,
        ILoggerFactory loggerFactory,
        TokenCredential? credential = null,
        IKeywordClassifier? classifier = null,
        IKeywordCache? keywordCache = null)
    {
        settings.Validate();
        var mysql = settings.MySqlConnectionString;
        List<ITableSink> sinks = [new FileTableSink(stores.Output)];
        if (mysql is not null)
        {
            sinks.Add(new MySqlTableSink(mysql));
        }
        return new PipelineEnvironment
        {
            Content = stores.Content,
            Search = stores.Search,
            Work = stores.Work,
            Output = stores.Output,
            Sinks = sinks,
            // Without MySQL the cache is a file: in Azure on the instance's disk, so it works but is not shared across instances.
            KeywordCache = keywordCache ?? (mysql is null ? new JsonFileKeywordCache(stores.KeywordCacheFile) : new MySqlKeywordCache(mysql)),
            RunLog = mysql is null ? null : new MySqlRunLog(mysql),
            Classifier = classifier ?? KeywordClassifierFactory.Create(settings.Classifier, settings.OpenAiEndpoint?.ToString(), settings.OpenAiKey, settings.ClassifierSettings, credential),
            IdentityMap = stores.IdentityMap,
            IdentityMapSink = mysql is null ? null : new MySqlIdentityMap(mysql),
            Options = new PipelineOptions { HighActivityDays = settings.HighActivityDays, Categories = settings.CategoryMap },
            ReclassifyStale = settings.ReclassifyStale,
            LoggerFactory = loggerFactory,
        };
    }
}
