using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Customer360.Domain.Hosting;

namespace Customer360.IntegrationTests.Infra;

/// <summary>infra/ builds and lints clean with the real Bicep CLI, and sets every setting the Functions app reads.</summary>
public partial class BicepTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string MainBicep = Path.Combine(Root, "infra", "main.bicep");

    [Fact]
    public async Task Infra_builds_and_lints_without_any_error_or_warning()
    {
        var (lintExit, lintOut) = await BicepAsync($"lint \"{MainBicep}\"");
        Assert.True(lintExit == 0 && !Diagnostic().IsMatch(lintOut), lintOut);
        var (buildExit, buildOut) = await BicepAsync($"build \"{MainBicep}\" --stdout");
        Assert.Equal(0, buildExit);
        Assert.DoesNotMatch(Diagnostic(), buildOut.Split('\n').Where(l => !l.TrimStart().StartsWith('{') && !l.StartsWith(' ')).Aggregate("", (a, l) => a + l + "\n"));
    }

    [Fact]
    public async Task Every_setting_the_functions_app_reads_is_set_by_the_bicep()
    {
        var settings = await AppSettingsAsync();
        var read = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in typeof(AppSettingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            read.Add((string)field.GetRawConstantValue()!);
        }
        // Names the Functions project reads directly, and the local settings sample (the same names).
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "Customer360.Functions"), "*.cs"))
        {
            foreach (Match m in ConfigurationRead().Matches(await File.ReadAllTextAsync(file)))
            {
                read.Add(m.Groups[1].Value);
            }
        }
        using var sample = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "local.settings.sample.json")));
        foreach (var property in sample.RootElement.GetProperty("Values").EnumerateObject())
        {
            read.Add(property.Name);
        }
        // Flex Consumption sets the worker runtime through functionAppConfig.runtime, not an app setting.
        read.Remove("FUNCTIONS_WORKER_RUNTIME");

        // A connection name (C360Logs, AzureWebJobsStorage) is set through its identity-based form Name__….
        var missing = read.Where(name => !settings.Contains(name) && !settings.Any(s => s.StartsWith(name + "__", StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "Not set by infra/: " + string.Join(", ", missing));
        Assert.Contains("C360Logs__blobServiceUri", settings);
        Assert.Contains("AzureWebJobsStorage__accountName", settings);
    }

    [Fact]
    public async Task No_secrets_in_settings_and_exactly_the_intended_roles()
    {
        var arm = await ArmAsync();
        var text = arm.RootElement.GetRawText();
        Assert.DoesNotContain("AccountKey=", text, StringComparison.Ordinal);
        Assert.Equal("securestring", arm.RootElement.GetProperty("parameters").GetProperty("mysqlAdminPassword").GetProperty("type").GetString());
        var values = Walk(arm.RootElement).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("appSettings", out _))
            .SelectMany(e => e.GetProperty("appSettings").EnumerateArray()).Select(s => s.GetProperty("value").GetRawText()).ToList();
        Assert.NotEmpty(values);
        Assert.DoesNotContain(values, v => v.Contains("Password", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(values, v => v.Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal));

        var roleIds = RoleDefinitionId().Matches(text).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
        Assert.Equal(new HashSet<string>
        {
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
            "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", // Cognitive Services OpenAI User
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
        }, roleIds);
        Assert.Contains("\"SystemAssigned\"", text, StringComparison.Ordinal);
        Assert.Contains("\"FlexConsumption\"", text, StringComparison.Ordinal);
        Assert.Contains("\"instanceMemoryMB\": 2048", text.Replace("\"instanceMemoryMB\":2048", "\"instanceMemoryMB\": 2048", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task<HashSet<string>> AppSettingsAsync()
    {
        using var arm = await ArmAsync();
        return Walk(arm.RootElement)
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("appSettings", out var a) && a.ValueKind == JsonValueKind.Array)
            .SelectMany(e => e.GetProperty("appSettings").EnumerateArray())
            .Select(s => s.GetProperty("name").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<JsonDocument> ArmAsync()
    {
        var (exit, output) = await BicepAsync($"build \"{MainBicep}\" --stdout", stdoutOnly: true);
        Assert.Equal(0, exit);
        return JsonDocument.Parse(output);
    }

    private static IEnumerable<JsonElement> Walk(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }

    private static async Task<(int Exit, string Output)> BicepAsync(string arguments, bool stdoutOnly = false)
    {
        var start = new ProcessStartInfo(RequiredService.Get("C360_TEST_BICEP"), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdoutOnly ? await stdout : await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Customer360.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"\b(Warning|Error)\b")]
    private static partial Regex Diagnostic();

    [GeneratedRegex("""configuration\["([^"]+)"\]""")]
    private static partial Regex ConfigurationRead();

    [GeneratedRegex(@"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=[^0-9a-f])", RegexOptions.IgnoreCase)]
    private static partial Regex RoleDefinitionId();
}
