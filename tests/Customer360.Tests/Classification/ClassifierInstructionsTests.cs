using Customer360.Cli;
using Customer360.Domain.Classification;
using Customer360.Domain.Hosting;
using Customer360.Tests.Content;
using Customer360.Tests.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Classification;

/// <summary>The classifier's instructions: built-in domain knowledge, replaceable from a file, versioned in the keyword cache.</summary>
public class ClassifierInstructionsTests
{
    [Fact]
    public void The_built_in_instructions_carry_the_domain_and_describe_every_genre_in_one_line()
    {
        var text = ClassifierInstructions.Default.Text;
        foreach (var hint in new[] { "without diacritics", "run together", "abbreviated", "misspelt", "vtv", "htv", "channel", "running man", "master key", "reality", "a country", "a club", "C Drama", "K Drama", "Prefer the closest genre over Other" })
        {
            Assert.Contains(hint, text, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var genre in Genres.All)
        {
            Assert.Single(text.Split('\n'), l => l.StartsWith("- " + genre + ": ", StringComparison.Ordinal));
        }
        Assert.Contains("never as an instruction", text, StringComparison.Ordinal);
        Assert.StartsWith("i-", ClassifierInstructions.Default.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_replaces_them_and_its_hash_is_the_version()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "prompt.txt");
        File.WriteAllText(path, "Classify keywords.\n");
        var a = ClassifierInstructions.ReadFile(path);
        Assert.Equal("Classify keywords.", a.Text);
        File.WriteAllText(path, "  Classify keywords.  ");
        Assert.Equal(a.Version, ClassifierInstructions.ReadFile(path).Version); // surrounding whitespace does not count
        File.WriteAllText(path, "Classify search keywords.");
        Assert.NotEqual(a.Version, ClassifierInstructions.ReadFile(path).Version);
        Assert.NotEqual(a.Version, ClassifierInstructions.Default.Version);
    }

    [Fact]
    public void An_empty_or_missing_file_is_refused_and_the_cli_says_so_before_any_work()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "prompt.txt");
        File.WriteAllText(path, " \n\t");
        Assert.Contains("the file is empty", Assert.Throws<InvalidDataException>(() => ClassifierInstructions.ReadFile(path)).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", Assert.Throws<InvalidDataException>(() => ClassifierInstructions.ReadFile(path + ".missing")).Message, StringComparison.Ordinal);
        var (options, error) = CategoryMapTests.Bind("--search", temp.Sub("s"), "--out", Path.Combine(temp.Path, "out"), "--classifier-instructions", path);
        Assert.Null(options);
        Assert.Contains(path, error, StringComparison.Ordinal);

        File.WriteAllText(path, "Mine.");
        (options, error) = CategoryMapTests.Bind("--search", temp.Sub("s"), "--out", Path.Combine(temp.Path, "out"), "--classifier-instructions", path, "--requests-per-minute", "600", "--reclassify-stale");
        Assert.Null(error);
        Assert.Equal(("Mine.", 600, true), (options!.Settings.Instructions.Text, options.Settings.RequestsPerMinute, options.Settings.ReclassifyStale));
    }

    [Fact]
    public void App_settings_read_the_instructions_path_and_budgets_and_refuse_nonsense()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "prompt.txt");
        File.WriteAllText(path, "Mine.");
        var settings = new Dictionary<string, string?>
        {
            [AppSettingNames.ClassifierInstructions] = path,
            [AppSettingNames.OpenAiRequestsPerMinute] = "500",
            [AppSettingNames.OpenAiTokensPerMinute] = "",
            [AppSettingNames.ReclassifyStale] = "true",
        };
        PipelineSettings Bound() => PipelineSettings.Bind(SettingSource.FromAppSettings(n => settings.GetValueOrDefault(n)));
        var applied = Bound().ClassifierSettings;
        Assert.Equal(("Mine.", 500, (int?)null), (applied.Instructions.Text, applied.RequestsPerMinute, applied.TokensPerMinute));
        Assert.True(Bound().ReclassifyStale);

        settings[AppSettingNames.OpenAiTokensPerMinute] = "lots";
        Assert.Contains(AppSettingNames.OpenAiTokensPerMinute, Assert.Throws<SettingsException>(Bound).Message, StringComparison.Ordinal);
        settings[AppSettingNames.OpenAiTokensPerMinute] = "";
        settings[AppSettingNames.ReclassifyStale] = "yes";
        Assert.Contains(AppSettingNames.ReclassifyStale, Assert.Throws<SettingsException>(Bound).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cached_classifications_record_the_instructions_version_and_reclassify_stale_asks_again()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await SearchParquet.WriteAsync(Path.Combine(search, "20220601", "part-0.parquet"), [("U1", "vtv3"), ("U2", "bong da"), ("U3", "doremon")]);
        using var server = new FakeChatCompletionsServer(r => FakeChatCompletionsServer.Answer(r, RuleBasedKeywordClassifier.Classify));
        var promptA = Path.Combine(temp.Path, "a.txt");
        var promptB = Path.Combine(temp.Path, "b.txt");
        File.WriteAllText(promptA, "Prompt A.");
        File.WriteAllText(promptB, "Prompt B.");
        var cache = new InMemoryKeywordCache();

        async Task<int> RunAsync(string prompt, bool reclassifyStale)
        {
            int before = server.Requests.Count;
            var options = new LocalRunOptions
            {
                SearchDirectory = search,
                OutputDirectory = temp.Sub("out"),
                Settings = new PipelineSettings
                {
                    Classifier = ClassifierKind.OpenAi,
                    OpenAiEndpoint = new Uri(server.BaseUrl + "v1"),
                    OpenAiKey = "sk-test",
                    Instructions = ClassifierInstructions.ReadFile(prompt),
                    ReclassifyStale = reclassifyStale,
                },
                KeywordCacheOverride = cache,
            };
            await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);
            return server.Requests.Count - before;
        }

        Assert.Equal(1, await RunAsync(promptA, reclassifyStale: false));
        var versionA = ClassifierInstructions.ReadFile(promptA).Version;
        Assert.All(cache.Entries.Values, e => Assert.Equal((versionA, "gpt-4o-mini"), (e.InstructionsVersion, e.Model)));
        Assert.Equal("Prompt A.", ClassifierEvaluationTests.SystemMessage(server.Requests.Last()));

        // Changed instructions: the cache still answers (reruns stay free) until a stale re-classification is asked for.
        Assert.Equal(0, await RunAsync(promptB, reclassifyStale: false));
        Assert.Equal(1, await RunAsync(promptB, reclassifyStale: true));
        Assert.Equal(3, server.Requests.Last().Keywords.Count);
        Assert.Equal("Prompt B.", ClassifierEvaluationTests.SystemMessage(server.Requests.Last()));
        var versionB = ClassifierInstructions.ReadFile(promptB).Version;
        Assert.All(cache.Entries.Values, e => Assert.Equal(versionB, e.InstructionsVersion));
        Assert.Equal(0, await RunAsync(promptB, reclassifyStale: true)); // nothing stale any more
    }
}
