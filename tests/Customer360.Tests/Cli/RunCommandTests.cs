using Customer360.Cli;
using Customer360.Cli.Commands;

namespace Customer360.Tests.Cli;

[Collection(ConsoleTests.Name)]
public class RunCommandTests
{
    private const string Valid = """{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":10}}""";

    [Fact]
    public async Task Exit_code_is_0_for_a_clean_run_and_2_when_an_input_could_not_be_read()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Valid, "bad line"]);
        var options = new LocalRunOptions { ContentDirectory = content, OutputDirectory = temp.Sub("out") };
        Assert.Equal(ExitCodes.Success, await RunCommand.ExecuteAsync(options, verbose: false, CancellationToken.None));

        File.WriteAllBytes(Path.Combine(content, "20220402.json.gz"), [0x1f, 0x8b, 0x08, 0x00]);
        Assert.Equal(ExitCodes.InputErrors, await RunCommand.ExecuteAsync(options, verbose: false, CancellationToken.None));
    }

    [Fact]
    public async Task Month_filter_runs_only_that_month()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), [Valid]);
        File.WriteAllLines(Path.Combine(content, "20220501.json"), [Valid]);
        var output = temp.Sub("out");
        var options = new LocalRunOptions { ContentDirectory = content, OutputDirectory = output, Months = [202205] };
        Assert.Equal(ExitCodes.Success, await RunCommand.ExecuteAsync(options, verbose: false, CancellationToken.None));
        var rows = OutputFiles.ReadContentProfile(output);
        Assert.Equal(202205, Assert.Single(rows).Month);
    }

    [Fact]
    public async Task Invalid_shard_count_is_a_clear_error()
    {
        using var temp = new TempFolder();
        var options = new LocalRunOptions { ContentDirectory = temp.Sub("c"), OutputDirectory = temp.Sub("o"), Settings = new() { Shards = 0 } };
        Assert.Equal(ExitCodes.Failure, await RunCommand.ExecuteAsync(options, verbose: false, CancellationToken.None));
    }
}

/// <summary>Tests that write to the console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTests
{
    public const string Name = "console";
}
