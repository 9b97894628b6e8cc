namespace Customer360.Domain.Reporting;

/// <summary>How many content lines named an AppName the category map does not know (the run report's top unmapped apps).</summary>
public sealed record AppCount(string AppName, long Count);
