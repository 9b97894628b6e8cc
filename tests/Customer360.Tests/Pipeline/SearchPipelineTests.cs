using Customer360.Cli;
using Customer360.Domain.Classification;
using Customer360.Domain.Reporting;
using Customer360.Tests.Classification;
using Customer360.Tests.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Pipeline;

/// <summary>The search stream end to end on local folders: top keyword, classification with cache, trend.</summary>
public class SearchPipelineTests
{
    private static async Task<RunReport> RunAsync(string search, string output, IKeywordClassifier classifier, int batchSize = 50, int shards = 3, int parallelism = 2, string? work = null)
    {
        var options = new LocalRunOptions
        {
            SearchDirectory = search,
            OutputDirectory = output,
            WorkDirectory = work,
            ClassifierOverride = classifier,
            Settings = new() { BatchSize = batchSize, Shards = shards },
            Parallelism = parallelism,
        };
        return (await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None)).Report;
    }

    private static async Task WriteMonthsAsync(string search)
    {
        await SearchParquet.WriteAsync(Path.Combine(search, "20220601", "part-0.parquet"),
            [("U1", "VTV3"), ("U1", "vtv3 "), ("U1", "doraemon"), ("U2", "Bóng Đá"), ("U2", "phim truyện"), ("U3", "running man")]);
        await SearchParquet.WriteAsync(Path.Combine(search, "20220602", "part-1.parquet"), [("U2", "phim  truyện"), ("U2", "doraemon")]);
        await SearchParquet.WriteAsync(Path.Combine(search, "20220715.parquet"), [("U1", "doraemon"), ("U2", "phim truyện"), ("U4", "vtv3")]);
    }

    [Fact]
    public async Task Top_keyword_genre_and_trend_with_hand_computed_rows()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await WriteMonthsAsync(search);
        var output = temp.Sub("out");
        var classifier = new CountingClassifier();
        var report = await RunAsync(search, output, classifier);

        Assert.Equal(
        [
            ["202206", "U1", "vtv3", "2", "TV Channel", "llm"],
            ["202206", "U2", "phim truyện", "2", "Drama", "llm"],
            ["202206", "U3", "running man", "1", "Reality Show", "llm"],
            ["202207", "U1", "doraemon", "1", "Animation", "llm"],
            ["202207", "U2", "phim truyện", "1", "Drama", "llm"],
            ["202207", "U4", "vtv3", "1", "TV Channel", "llm"],
        ], OutputFiles.ReadCsvRows(output, "search_top_keyword"));
        Assert.Equal(
        [
            ["202206", "202207", "U1", "vtv3", "TV Channel", "doraemon", "Animation", "Changed", "TV Channel - Animation"],
            ["202206", "202207", "U2", "phim truyện", "Drama", "phim truyện", "Drama", "Unchanged", "Unchanged"],
        ], OutputFiles.ReadCsvRows(output, "search_trend"));
        Assert.Equal(4, OutputFiles.ReadCsvRows(output, "keyword_category").Count);

        // Four distinct top keywords, one batch of 50: one classification call.
        Assert.Equal((1, 4), (classifier.Batches, classifier.Keywords));
        Assert.Equal(4, report.Classification.DistinctKeywords);
        Assert.Equal(0, report.Classification.CacheHits);
        Assert.Equal(1, report.Classification.Requests);
        Assert.Equal(3, report.Search.Files);
        Assert.Equal(11, report.Search.Accepted);
    }

    [Fact]
    public async Task A_rerun_makes_zero_classification_requests()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await WriteMonthsAsync(search);
        var output = temp.Sub("out");
        await RunAsync(search, output, new CountingClassifier());

        var second = new CountingClassifier();
        var report = await RunAsync(search, output, second);
        Assert.Equal(0, second.Batches);
        Assert.Equal(0, report.Classification.Requests);
        Assert.Equal(4, report.Classification.CacheHits);
        Assert.Equal(3, report.Search.FilesReused);
        Assert.All(OutputFiles.ReadCsvRows(output, "search_top_keyword"), row => Assert.Equal("cache", row[5]));
        Assert.All(OutputFiles.ReadCsvRows(output, "keyword_category"), row => Assert.Equal("cache", row[2]));
    }

    [Fact]
    public async Task Batches_follow_the_batch_size()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [.. Enumerable.Range(0, 7).Select(i => ($"U{i}", $"keyword {i}"))]);
        var classifier = new CountingClassifier();
        var report = await RunAsync(search, temp.Sub("out"), classifier, batchSize: 3);
        Assert.Equal((3, 7), (classifier.Batches, classifier.Keywords));
        Assert.Equal(3, report.Classification.Batches);
    }

    [Fact]
    public async Task Fallbacks_are_not_cached_and_are_asked_again_next_run()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [("U1", "vtv3"), ("U2", "mystery")]);
        var output = temp.Sub("out");
        var report = await RunAsync(search, output, new FallbackFor("mystery"));
        Assert.Equal(1, report.Classification.Fallbacks);
        Assert.Contains(OutputFiles.ReadCsvRows(output, "search_top_keyword"), r => r[2] == "mystery" && r[4] == "Other" && r[5] == "fallback");

        var second = new CountingClassifier();
        report = await RunAsync(search, output, second);
        Assert.Equal((1, 1), (second.Batches, second.Keywords));
        Assert.Equal(1, report.Classification.CacheHits);
    }

    [Fact]
    public async Task A_corrupt_search_file_is_reported_and_the_rest_is_processed()
    {
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [("U1", "vtv3")]);
        Directory.CreateDirectory(Path.Combine(search, "20220602"));
        await File.WriteAllTextAsync(Path.Combine(search, "20220602", "broken.parquet"), "PAR1 not really");
        await SearchParquet.WriteWithoutKeywordAsync(Path.Combine(search, "20220603", "drift.parquet"));
        var output = temp.Sub("out");
        var options = new LocalRunOptions { SearchDirectory = search, OutputDirectory = output, ClassifierOverride = new CountingClassifier() };
        var (result, report) = await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);
        Assert.True(result.InputErrors);
        Assert.Equal(RunReport.CompletedWithInputErrors, report.Status);
        Assert.Equal(2, report.Search.FileErrors.Count);
        Assert.Single(OutputFiles.ReadCsvRows(output, "search_top_keyword"));
    }

    private sealed class FallbackFor(string keyword) : IKeywordClassifier
    {
        public string Source => "llm";

        public string Model => "test";

        public Task<KeywordBatchResult> ClassifyBatchAsync(IReadOnlyList<string> keywords, CancellationToken cancellationToken) =>
            Task.FromResult(new KeywordBatchResult(
                keywords.Select(k => k == keyword ? new KeywordClassification(k, Genres.Other, "fallback") : new KeywordClassification(k, RuleBasedKeywordClassifier.Classify(k), "llm")).ToList(),
                new ClassificationUsage(1, 0, 0, 0, keywords.Count(k => k == keyword))));
    }
}

/// <summary>The whole search stream with the real OpenAI SDK client against the local chat-completions server.</summary>
public class SearchPipelineWithLlmTests
{
    [Fact]
    public async Task Llm_classification_end_to_end_and_a_rerun_sends_no_request()
    {
        using var server = new FakeChatCompletionsServer(r => FakeChatCompletionsServer.Answer(r, RuleBasedKeywordClassifier.Classify));
        using var temp = new TempFolder();
        var search = temp.Sub("search");
        await SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [.. Enumerable.Range(0, 120).Select(i => ($"U{i}", i % 3 == 0 ? "vtv3" : $"phim {i}"))]);
        var output = temp.Sub("out");
        var options = new LocalRunOptions
        {
            SearchDirectory = search,
            OutputDirectory = output,
            Settings = new() { Classifier = ClassifierKind.OpenAi, OpenAiEndpoint = new Uri(server.BaseUrl + "v1"), OpenAiKey = "sk-secret-test-key" },
        };
        var (_, report) = await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);

        // 81 distinct keywords at the default batch size of 50: two requests.
        Assert.Equal(81, report.Classification.DistinctKeywords);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2, report.Classification.Requests);
        Assert.Equal(200, report.Classification.InputTokens);
        Assert.All(OutputFiles.ReadCsvRows(output, "search_top_keyword"), r => Assert.Equal("llm", r[5]));
        Assert.DoesNotContain("sk-secret-test-key", await File.ReadAllTextAsync(OutputFiles.LatestRunFile(output, "run_report.json")), StringComparison.Ordinal);

        var (_, again) = await LocalPipelineRunner.RunAsync(options, NullLoggerFactory.Instance, null, CancellationToken.None);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(81, again.Classification.CacheHits);
    }
}
