namespace Customer360.Domain.Tables;

/// <summary>A column of a <see cref="TableSchema{TRow}"/>: name, type, and how a row gives its value (no boxing). Made by <see cref="TableColumns"/>.</summary>
public sealed class TableColumn<TRow>
{
    private readonly Func<IReadOnlyList<TRow>, OutputColumn> _bind;

    internal TableColumn(string name, ColumnType type, Func<IReadOnlyList<TRow>, OutputColumn> bind)
    {
        Info = new TableColumnInfo(name, type);
        _bind = bind;
    }

    public TableColumnInfo Info { get; }

    /// <summary>The column as a view over <paramref name="rows"/>.</summary>
    public OutputColumn Bind(IReadOnlyList<TRow> rows) => _bind(rows);
}
