using Customer360.Domain.Classification;
using Customer360.Domain.Content;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Domain.Activities;

/// <summary>Where a stream's files are: a store and the name prefix under which they sit.</summary>
public sealed record SourceLocation(IBlobStore Store, string Prefix);

/// <summary>Semantics that are configuration, not code (DESIGN §4).</summary>
public sealed record PipelineOptions
{
    public CategoryMap Categories { get; init; } = CategoryMap.Default;

    /// <summary>ActiveDays at or above this is <c>High</c>.</summary>
    public int HighActivityDays { get; init; } = ContentProfileCalculator.DefaultHighActivityDays;

    /// <summary>A fingerprint of everything above: partials made under other settings are not reused.</summary>
    public string Fingerprint()
    {
        var text = string.Join(';', Categories.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={(int)e.Value}"));
        return Hashing.ShortHex(text);
    }
}

/// <summary>What the activities run against; each host builds one from its own configuration.</summary>
public sealed class PipelineEnvironment
{
    /// <summary>Bumped whenever the partial format or map semantics change, so old partials are not reused.</summary>
    public const string PipelineVersion = "v1";

    /// <summary>Where the content logs are (YYYYMMDD.json[.gz] under the prefix); null = no content stream.</summary>
    public SourceLocation? Content { get; init; }

    /// <summary>Where the search logs are (YYYYMMDD/*.parquet, YYYYMMDD.parquet under the prefix); null = no search stream.</summary>
    public SourceLocation? Search { get; init; }

    /// <summary>Classifies the distinct top keywords (the offline rules unless an LLM is configured).</summary>
    public IKeywordClassifier Classifier { get; init; } = new RuleBasedKeywordClassifier();

    /// <summary>Classify again the cached keywords whose entry another model or other instructions decided (default: take every cached entry, so reruns stay free).</summary>
    public bool ReclassifyStale { get; init; }

    /// <summary>The keyword → category cache shared by runs.</summary>
    public required IKeywordCache KeywordCache { get; init; }

    /// <summary>The intermediate store: partials and per-run shard results.</summary>
    public required IBlobStore Work { get; init; }

    /// <summary>Where the run report goes.</summary>
    public required IBlobStore Output { get; init; }

    /// <summary>Where finished tables are written (files, MySQL, …); at least one.</summary>
    public required IReadOnlyList<ITableSink> Sinks { get; init; }

    /// <summary>Records finished runs (the MySQL <c>pipeline_run</c> table); null = report files only.</summary>
    public Reporting.IRunLog? RunLog { get; init; }

    /// <summary>contract ↔ user_id pairs joining the two streams in <c>customer_360</c>; empty = identity.</summary>
    public IReadOnlyList<Customers.IdentityLink> IdentityMap { get; init; } = [];

    public PipelineOptions Options { get; init; } = new();

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Writes a finished table to every sink; <paramref name="figures"/> ride along to the run report.</summary>
    public async Task<Flow.TableLoadResult> WriteTableAsync(OutputTable table, CancellationToken cancellationToken, Reporting.TableFigures? figures = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outputs = new List<string>();
        foreach (var sink in Sinks)
        {
            outputs.AddRange(await sink.WriteAsync(table, cancellationToken).ConfigureAwait(false));
        }
        return new Flow.TableLoadResult(table.Name, table.RowCount, outputs, clock.Elapsed.TotalSeconds, figures);
    }
}
