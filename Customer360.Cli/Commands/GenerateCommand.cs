using System.CommandLine;
using System.Diagnostics;
using Customer360.Generation;

namespace Customer360.Cli.Commands;

/// <summary><c>generate --out DIR [--seed N] [--scale small|bench|full]</c>: a deterministic synthetic dataset (content and search logs, and the identity map joining them).</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write content/, search/ and identity_map.csv into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same files.", DefaultValueFactory = _ => 42 };
        var scale = new Option<DatasetScale>("--scale") { Description = "small, bench (30 days × ≈400k lines) or full (≈1.92M contracts).", DefaultValueFactory = _ => DatasetScale.Small };
        var command = new Command("generate", "Write a realistic synthetic dataset.") { output, seed, scale };
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = parse.GetValue(output)!.FullName;
            var paths = Generate(folder, parse.GetValue(seed), parse.GetValue(scale), cancellationToken);
            Console.WriteLine($"Wrote {paths.Count} files to {Path.Combine(folder, "content")}, {Path.Combine(folder, "search")} and {IdentityMapPath(folder)}");
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
        var identityMap = new IdentityMapGenerator(seed, DatasetScales.Contracts(scale), DatasetScales.SearchUsers(scale)).Write(folder);
        Console.WriteLine($"Generated the {scale.ToString().ToLowerInvariant()} dataset (April 2022 content, June–July 2022 search) in {clock.Elapsed.TotalSeconds:F1}s");
        return [.. content, .. search, identityMap];
    }

    /// <summary>The identity map <see cref="Generate"/> writes: which search users belong to which contracts (for <c>run --identity-map</c>).</summary>
    public static string IdentityMapPath(string folder) => Path.Combine(folder, IdentityMapGenerator.FileName);
}
