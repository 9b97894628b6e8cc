namespace Customer360.Domain.Flow;

/// <param name="Figures">What the report shows of this table (computed by the load, so the report never re-reads outputs).</param>
public sealed record TableLoadResult(string Table, long Rows, IReadOnlyList<string> Outputs, double Seconds, Reporting.TableFigures? Figures = null);
