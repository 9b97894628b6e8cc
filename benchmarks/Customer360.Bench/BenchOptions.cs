namespace Customer360.Bench;

/// <summary>What one benchmark run measures, and how.</summary>
/// <param name="Stages">content, search and/or run (the whole <c>run</c> of both streams).</param>
/// <param name="Exact">Also time the line-by-line DuckDB content query that follows every edge rule.</param>
public sealed record BenchOptions(
    string Folder, int Reps, int Parallelism, int Shards, IReadOnlyList<string> Stages, bool Exact, bool RunOurs, bool RunDuckDb);
