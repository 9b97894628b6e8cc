using System.CommandLine;
using Customer360.Cli.Commands;
using Customer360.Domain.Classification;

namespace Customer360.Tests.Cli;

/// <summary>The CLI only parses arguments; the settings model validates them and the errors name the flag (or the variable it fell back to).</summary>
public class RunOptionSetTests
{
    private static (Customer360.Cli.LocalRunOptions? Options, string? Error) Bind(string args, params (string Name, string Value)[] environment)
    {
        var set = new RunOptionSet();
        var command = new Command("run");
        set.AddTo(command);
        var parse = new RootCommand { command }.Parse("run --content c --out o " + args);
        Assert.Empty(parse.Errors);
        var env = environment.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
        return set.Bind(parse, env.GetValueOrDefault);
    }

    private static string Error(string args, params (string Name, string Value)[] environment) => Bind(args, environment).Error ?? throw new Xunit.Sdk.XunitException("expected an error");

    [Fact]
    public void Flags_bind_to_the_settings_model_and_win_over_the_environment()
    {
        var (options, error) = Bind("--shards 3 --high-days 10 --batch-size 7 --classify-parallelism 2 --classifier openai --openai-endpoint http://127.0.0.1:9/v1 --model m",
            ("C360_SHARDS", "99"), ("C360_OPENAI_KEY", "sk-env"));
        Assert.Null(error);
        var s = options!.Settings;
        Assert.Equal((3, 10, 7, 2, ClassifierKind.OpenAi, "m", "sk-env"), (s.Shards, s.HighActivityDays, s.BatchSize, s.ClassifyParallelism, s.Classifier, s.Model, s.OpenAiKey));
        Assert.Equal(new Uri("http://127.0.0.1:9/v1"), s.OpenAiEndpoint);
    }

    [Fact]
    public void No_flags_give_the_same_defaults_as_the_azure_host()
    {
        Assert.Equal(new Domain.Hosting.PipelineSettings(), Bind("").Options!.Settings);
    }

    [Fact]
    public void An_unknown_classifier_flag_is_named_with_the_allowed_values()
    {
        Assert.Contains("--classifier: 'ofline' is not a classifier; allowed: offline, openai, azure-openai.", Error("--classifier ofline"), StringComparison.Ordinal);
        // …and so is a misspelt environment variable it fell back to.
        Assert.Contains("C360_CLASSIFIER: 'ofline' is not a classifier", Error("", ("C360_CLASSIFIER", "ofline")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shards", "abc", "1 to 1024")]
    [InlineData("--high-days", "x", "1 to 31")]
    [InlineData("--batch-size", "1e3", "1 to 1000")]
    [InlineData("--classify-parallelism", "two", "1 to 64")]
    public void A_bad_number_flag_is_named_with_the_allowed_range(string flag, string value, string allowed)
    {
        Assert.Contains($"{flag}: '{value}' is not a whole number; allowed: {allowed}.", Error($"{flag} {value}"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_out_of_range_is_named_by_its_flag()
    {
        Assert.Contains("--shards: 0 is out of range; allowed: 1 to 1024.", Error("--shards 0"), StringComparison.Ordinal);
        Assert.Contains("C360_HIGH_ACTIVITY_DAYS: 40 is out of range", Error("", ("C360_HIGH_ACTIVITY_DAYS", "40")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_endpoint_or_key_names_the_flag_and_the_variable()
    {
        Assert.Contains("--openai-endpoint (C360_OPENAI_ENDPOINT): required when --classifier is azure-openai", Error("--classifier azure-openai"), StringComparison.Ordinal);
        Assert.Contains("--openai-key (C360_OPENAI_KEY): required when --classifier is openai", Error("--classifier openai --openai-endpoint https://api.example/v1"), StringComparison.Ordinal);
        Assert.Contains("--openai-endpoint: 'nope' is not an absolute http(s) URL.", Error("--classifier openai --openai-endpoint nope --openai-key k"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_without_a_classifier_is_an_error_not_an_offline_run()
    {
        Assert.Contains("--classifier (C360_CLASSIFIER): not set, but C360_OPENAI_ENDPOINT is", Error("", ("C360_OPENAI_ENDPOINT", "https://x/")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_mysql_flag_is_named()
    {
        Assert.Contains("--mysql: not a valid MySQL connection string", Error("--mysql \"Server=db;Bogus=1\""), StringComparison.Ordinal);
    }
}
