namespace Customer360.Cli;

/// <summary>Everything <c>run</c> needs, with the embedded defaults.</summary>
public sealed record LocalRunOptions
{
    public required string ContentDirectory { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>The intermediate store; defaults to <c>&lt;out&gt;/.work</c> so reruns reuse partials.</summary>
    public string? WorkDirectory { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public int Shards { get; init; } = DefaultShards;

    public int HighActivityDays { get; init; } = Domain.Content.ContentProfileCalculator.DefaultHighActivityDays;

    public IReadOnlyList<int>? Months { get; init; }

    public const int DefaultShards = 8;

    public string ResolvedWorkDirectory => WorkDirectory ?? Path.Combine(OutputDirectory, ".work");
}
