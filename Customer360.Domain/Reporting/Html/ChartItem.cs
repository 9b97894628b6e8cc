namespace Customer360.Domain.Reporting.Html;

/// <summary>A labelled value in a chart.</summary>
public sealed record ChartItem(string Label, double Value, string ValueText);
