namespace Customer360.Domain.Reporting;

/// <summary>
/// What a load step tells the report about the table it wrote (at most one part is set). It travels in the
/// load's result into the run report, from which report.html is built, whatever sinks ran.
/// </summary>
public sealed record TableFigures(ContentFigures? Content = null, SearchFigures? Search = null, TrendFigures? Trend = null);
