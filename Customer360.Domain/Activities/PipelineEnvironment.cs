using Customer360.Domain.Classification;
using Customer360.Domain.Storage;
using Customer360.Domain.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Domain.Activities;

/// <summary>What the activities run against; each host builds one from its own configuration.</summary>
public sealed class PipelineEnvironment
{
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

    /// <summary>The intermediate store: partials and each run's scratch (<see cref="WorkStore.WorkNames"/>).</summary>
    public required IBlobStore Work { get; init; }

    /// <summary>Where the run report goes.</summary>
    public required IBlobStore Output { get; init; }

    /// <summary>Where finished tables are written (files, MySQL, …); at least one.</summary>
    public required IReadOnlyList<ITableSink> Sinks { get; init; }

    /// <summary>Records finished runs (the MySQL <c>pipeline_run</c> table); null = report files only.</summary>
    public Reporting.IRunLog? RunLog { get; init; }

    /// <summary>The contract ↔ user_id CSV joining the two streams in <c>customer_360</c> (<c>C360_IDENTITY_MAP</c>); null = contract is user_id.</summary>
    public Customers.IdentityMapSource? IdentityMap { get; init; }

    /// <summary>Where a loaded identity map is also kept (MySQL <c>customer_identity</c>); null = nowhere else.</summary>
    public Customers.IIdentityMapSink? IdentityMapSink { get; init; }

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
