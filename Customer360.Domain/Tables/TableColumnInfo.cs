namespace Customer360.Domain.Tables;

/// <summary>One column of a table's schema: its documented name and its type.</summary>
public sealed record TableColumnInfo(string Name, ColumnType Type);
