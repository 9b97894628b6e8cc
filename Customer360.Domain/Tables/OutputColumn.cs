namespace Customer360.Domain.Tables;

/// <summary>One column of an <see cref="OutputTable"/>: a name, a row count and a value per row.</summary>
public abstract class OutputColumn(string name, int count)
{
    public string Name { get; } = name;

    public int Count { get; } = count;

    /// <summary>The column's value type (for nullable columns, the underlying type).</summary>
    public abstract Type ClrType { get; }

    /// <summary>The value of one row, boxed; null when missing.</summary>
    public abstract object? GetValue(int row);

    /// <summary>The given rows of this column, as a column of the same name and type (a view).</summary>
    public abstract OutputColumn Take(IReadOnlyList<int> rows);
}
