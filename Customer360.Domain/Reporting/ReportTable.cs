namespace Customer360.Domain.Reporting;

/// <param name="Figures">The table's figures for report.html (null for tables the report does not chart).</param>
public sealed record ReportTable(string Name, long Rows, IReadOnlyList<string> Outputs, TableFigures? Figures = null);
