namespace Customer360.Domain.Tables;

/// <summary>A <see cref="TableSchema"/> whose columns read their values from rows of <typeparamref name="TRow"/>.</summary>
public sealed class TableSchema<TRow>(string name, IReadOnlyList<TableColumn<TRow>> columns, string? partitionColumn = null, string? loadScopeColumn = null)
    : TableSchema(name, [.. columns.Select(c => c.Info)], partitionColumn, loadScopeColumn)
{
    /// <summary>The rows as this table: columns are views over the rows, not copies.</summary>
    public OutputTable Table(IReadOnlyList<TRow> rows) => new(this, [.. columns.Select(c => c.Bind(rows))]);
}
