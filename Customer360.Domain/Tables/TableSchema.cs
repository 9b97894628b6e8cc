namespace Customer360.Domain.Tables;

/// <summary>
/// A table defined once: its name, its ordered, typed columns, the month column its file outputs are
/// partitioned by, and the month column a MySQL load replaces. The CSV and Parquet writers follow the
/// columns' types, the CSV readers check the header against <see cref="ColumnNames"/>, the MySQL sink scopes
/// a load by <see cref="LoadScopeColumn"/>, and a test checks the MySQL DDL declares the same columns.
/// </summary>
/// <param name="partitionColumn">The int column holding each row's month for <c>&lt;table&gt;/month=YYYYMM/</c>; null = not monthly.</param>
/// <param name="loadScopeColumn">The int column whose months a MySQL load deletes and re-inserts; null = not loaded as a monthly table.</param>
public class TableSchema(string name, IReadOnlyList<TableColumnInfo> columns, string? partitionColumn, string? loadScopeColumn)
{
    public string Name { get; } = name;

    public IReadOnlyList<TableColumnInfo> Columns { get; } = columns;

    public string? PartitionColumn { get; } = partitionColumn;

    public string? LoadScopeColumn { get; } = loadScopeColumn;

    public IReadOnlyList<string> ColumnNames { get; } = [.. columns.Select(c => c.Name)];
}
