using System.CommandLine;
using System.Diagnostics;
using Customer360.Generation;

namespace Customer360.Cli.Commands;

/// <summary><c>generate --out DIR [--seed N] [--scale small|bench|full]</c>: a deterministic synthetic dataset.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write content/ and search/ into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same files.", DefaultValueFactory = _ => 42 };
        var scale = new Option<DatasetScale>("--scale") { Description = "small, bench (30 days × ≈400k lines) or full (≈1.92M contracts).", DefaultValueFactory = _ => DatasetScale.Small };
        var command = new Command("generate", "Write a realistic synthetic dataset.") { output, seed, scale };
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = parse.GetValue(output)!.FullName;
            var paths = Generate(folder, parse.GetValue(seed), parse.GetValue(scale), cancellationToken);
            Console.WriteLine($"Wrote {paths.Count} files to {Path.Combine(folder, "content")} and {Path.Combine(folder, "search")}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    public static IReadOnlyList<string> Generate(string folder, int seed, DatasetScale scale, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var generator = new ContentLogGenerator(seed, DatasetScales.Contracts(scale));
        var content = generator.Write(Path.Combine(folder, "content"), gzipLastDay: scale == DatasetScale.Small, Environment.ProcessorCount, cancellationToken);
        var search = new SearchLogGenerator(seed, DatasetScales.SearchUsers(scale)).Write(Path.Combine(folder, "search"), Environment.ProcessorCount, cancellationToken);
        Console.WriteLine($"Generated the {scale.ToString().ToLowerInvariant()} dataset (April 2022 content, June–July 2022 search) in {clock.Elapsed.TotalSeconds:F1}s");
        return [.. content, .. search];
    }
}
