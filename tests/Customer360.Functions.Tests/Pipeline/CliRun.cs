using Customer360.Cli;
using Customer360.Domain.Classification;
using Customer360.Domain.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Functions.Tests.Pipeline;

/// <summary>The CLI's run of the tiny month (the in-process host), for byte-for-byte comparison.</summary>
public static class CliRun
{
    /// <param name="identityMap">An identity map file (the CLI's <c>--identity-map</c>); null = none.</param>
    public static async Task<Dictionary<string, byte[]>> TablesAsync(TempFolder temp, string? openAiEndpoint = null, string? identityMap = null)
    {
        var output = temp.Sub("cli-out");
        await LocalPipelineRunner.RunAsync(new LocalRunOptions
        {
            ContentDirectory = TinyMonth.Content,
            SearchDirectory = TinyMonth.Search,
            OutputDirectory = output,
            Settings = new PipelineSettings
            {
                Shards = AppEnvironment.Shards,
                Classifier = openAiEndpoint is null ? ClassifierKind.Offline : ClassifierKind.OpenAi,
                OpenAiEndpoint = openAiEndpoint is null ? null : new Uri(openAiEndpoint),
                OpenAiKey = openAiEndpoint is null ? null : "test-key",
                IdentityMap = identityMap,
            },
        }, NullLoggerFactory.Instance, null, CancellationToken.None);
        // Keyed like the output container's blobs: <table>/month=YYYYMM/<table>.csv (the run folders carry times and are left out).
        return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".parquet", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(output, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal);
    }

    public static void AssertSameTables(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("customer_360/customer_360.csv", expected.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs from the CLI's");
        }
    }
}
