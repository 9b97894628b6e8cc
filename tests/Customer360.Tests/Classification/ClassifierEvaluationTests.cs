using System.Globalization;
using Customer360.Cli.Commands;
using Customer360.Domain.Classification;
using Customer360.Domain.Classification.Evaluation;
using Customer360.Tests.Cli;

namespace Customer360.Tests.Classification;

/// <summary>eval-classifier on the shipped labelled set: the offline floor, and the command end to end against a local chat-completions server.</summary>
[Collection(ConsoleTests.Name)]
public class ClassifierEvaluationTests
{
    private static readonly string ShippedSet = EvalClassifierCommand.DefaultSetPath;

    [Fact]
    public void The_shipped_set_has_over_300_labelled_keywords_covering_every_genre()
    {
        var set = LabelledKeywordCsv.Read(ShippedSet);
        Assert.Equal(538, set.Count);
        Assert.All(Genres.All, g => Assert.True(set.Count(s => s.Genre == g) >= 20, g));
        // Typed the way viewers type: most without diacritics, some run together.
        Assert.True(set.Count(s => s.Keyword.All(c => c < 128)) > 450);
        Assert.Contains(set, s => s.Keyword == "hoahongtrennguctrai");
    }

    [Fact]
    public void The_built_in_instructions_examples_are_not_in_the_set()
    {
        var set = LabelledKeywordCsv.Read(ShippedSet).Select(s => s.Keyword).ToHashSet(StringComparer.Ordinal);
        var examples = ClassifierInstructions.Default.Text.Split('\n').Where(l => l.StartsWith("- \"", StringComparison.Ordinal) && l.Contains('→', StringComparison.Ordinal))
            .Select(l => l.Split('"')[1]).ToList();
        Assert.True(examples.Count >= 5);
        Assert.DoesNotContain(examples, set.Contains);
    }

    [Fact]
    public async Task The_offline_rules_floor_on_the_shipped_set_is_320_of_538()
    {
        var set = LabelledKeywordCsv.Read(ShippedSet);
        var result = await ClassifierEvaluation.RunAsync(new RuleBasedKeywordClassifier(), set, 50, 2, ModelPrices.Gpt4oMini, CancellationToken.None);
        // Measured, not chosen: the README quotes it. A change to the rules or the set must update both.
        Assert.Equal((538, 320), (result.Keywords, result.Correct));
        Assert.Equal(0, result.Usage.Requests);
        // The rules never invent: when they answer a genre other than Other they are right almost always.
        var other = result.Genres.Single(g => g.Genre == Genres.Other);
        Assert.Equal(1.0, other.Recall);
        Assert.Equal("Sports", result.Confusions[0].Labelled);
        Assert.Equal(Genres.Other, result.Confusions[0].Predicted);
    }

    [Fact]
    public void Bad_rows_in_a_labelled_set_are_refused_with_their_line()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "set.csv");
        foreach (var (text, reason) in new[]
        {
            ("keyword,genre\nvtv3,TV Channel\nabc,Documentary\n", "line 3: \"Documentary\" is not a genre"),
            ("keyword,genre\nvtv3,TV Channel\n  VTV3 ,TV Channel\n", "line 3: \"vtv3\" is already labelled on line 2"),
            ("keyword,genre\n ,Other\n", "line 2: the keyword is empty"),
            ("word,label\nvtv3,TV Channel\n", "needs a keyword,genre header"),
            ("keyword,genre\n", "has no rows"),
        })
        {
            File.WriteAllText(path, text);
            Assert.Contains(reason, Assert.Throws<InvalidDataException>(() => LabelledKeywordCsv.Read(path)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scores_are_hand_computable()
    {
        LabelledKeyword[] set = [new("vtv3", "TV Channel"), new("htv7", "TV Channel"), new("bong da", "Sports"), new("abc", "Other")];
        var predicted = new Dictionary<string, string> { ["vtv3"] = "TV Channel", ["htv7"] = "Other", ["bong da"] = "Sports", ["abc"] = "Sports" };
        var r = ClassifierEvaluation.Score("t", set, predicted, new ClassificationUsage(2, 1_000_000, 500_000, 0, 0), ModelPrices.Gpt4oMini, 1);
        Assert.Equal(0.5, r.Accuracy);
        var tv = r.Genres.Single(g => g.Genre == "TV Channel");
        Assert.Equal((1.0, 0.5), (tv.Precision, tv.Recall));
        var sports = r.Genres.Single(g => g.Genre == "Sports");
        Assert.Equal((0.5, 1.0), (sports.Precision, sports.Recall));
        Assert.Null(r.Genres.Single(g => g.Genre == "News").Precision);
        Assert.Equal(2, r.Confusions.Count);
        Assert.Equal(0.15m + 0.30m, r.EstimatedCost); // 1M in at 0.15 + 0.5M out at 0.60
    }

    [Fact]
    public async Task Eval_command_end_to_end_against_a_local_chat_completions_server()
    {
        var labels = LabelledKeywordCsv.Read(ShippedSet).ToDictionary(s => s.Keyword, s => s.Genre, StringComparer.Ordinal);
        // The "model": right on every keyword except those with "vtv", which it calls Other; the first request meets a 429.
        int seen = 0;
        using var server = new FakeChatCompletionsServer(r => Interlocked.Increment(ref seen) == 1
            ? FakeResponse.Error(429, new Dictionary<string, string> { ["retry-after-ms"] = "50", ["Retry-After"] = "1" })
            : FakeChatCompletionsServer.Answer(r, k => k.Contains("vtv", StringComparison.Ordinal) ? Genres.Other : labels[k]));
        int expectedCorrect = labels.Count(l => (l.Key.Contains("vtv", StringComparison.Ordinal) ? Genres.Other : l.Value) == l.Value);
        int vtvChannels = labels.Count(l => l.Key.Contains("vtv", StringComparison.Ordinal) && l.Value == "TV Channel");
        int batches = (labels.Count + 49) / 50;

        var output = new StringWriter(CultureInfo.InvariantCulture);
        var original = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await EvalClassifierCommand.Create().Parse(
                ["--classifier", "openai", "--openai-endpoint", server.BaseUrl + "v1", "--openai-key", "sk-test", "--batch-size", "50", "--classify-parallelism", "4"]).InvokeAsync();
        }
        finally
        {
            Console.SetOut(original);
        }
        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"({expectedCorrect} of {labels.Count} keywords)"), text, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{vtvChannels,4}  TV Channel → Other"), text, StringComparison.Ordinal);
        // Every batch once, plus the one 429 — never a fallback.
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Requests: {batches + 1} (429s met: 1, other retries: 0), fallbacks: 0"), text, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Tokens: {batches * 100} in, {batches * 20} out"), text, StringComparison.Ordinal);
        decimal cost = (batches * 100 * 0.15m + batches * 20 * 0.60m) / 1_000_000m;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"USD {cost:0.000000}"), text, StringComparison.Ordinal);
        Assert.Equal(batches + 1, server.Requests.Count);
        // Keywords travel as JSON data with ids; the instructions are the built-in ones, with no keyword in them.
        Assert.All(server.Requests, r => Assert.Equal(ClassifierInstructions.Default.Text, SystemMessage(r)));
        Assert.All(server.Requests, r => Assert.Equal(Enumerable.Range(0, r.Keywords.Count), r.Keywords.Select(k => k.Id)));
        Assert.Equal(labels.Count, server.Requests.Skip(1).Sum(r => r.Keywords.Count));
    }

    internal static string SystemMessage(ChatRequest request)
    {
        var content = request.Body["messages"]![0]!["content"]!;
        return content is System.Text.Json.Nodes.JsonArray parts ? parts[0]!["text"]!.GetValue<string>() : content.GetValue<string>();
    }

    [Fact]
    public async Task Eval_command_refuses_an_unknown_classifier_kind()
    {
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, await EvalClassifierCommand.Create().Parse(["--classifier", "gpt"]).InvokeAsync());
        }
        finally
        {
            Console.SetError(original);
        }
        Assert.Contains("--classifier: 'gpt' is not a classifier; allowed: offline, openai, azure-openai.", error.ToString(), StringComparison.Ordinal);
    }
}
