namespace Customer360.Domain.Tables;

/// <summary>
/// A finished output table held column by column: the one shape every sink (CSV, Parquet, MySQL) writes.
/// Column names and order are the documented contract of the table.
/// </summary>
public sealed class OutputTable
{
    public OutputTable(string name, IReadOnlyList<OutputColumn> columns)
    {
        Name = name;
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Count;
        if (columns.Any(c => c.Count != RowCount))
        {
            throw new ArgumentException($"Columns of table '{name}' differ in length.", nameof(columns));
        }
    }

    public string Name { get; }

    public IReadOnlyList<OutputColumn> Columns { get; }

    public int RowCount { get; }

    public OutputColumn this[string column] => Columns.First(c => c.Name == column);
}

/// <summary>One column of an <see cref="OutputTable"/>.</summary>
public abstract record OutputColumn(string Name)
{
    public abstract int Count { get; }

    public abstract Type ClrType { get; }

    public abstract object? GetValue(int row);
}

/// <summary>A text column; a null value is written as empty (CSV) or null (Parquet).</summary>
public sealed record StringColumn(string Name, string?[] Values) : OutputColumn(Name)
{
    public override int Count => Values.Length;
    public override Type ClrType => typeof(string);
    public override object? GetValue(int row) => Values[row];
}

public sealed record Int64Column(string Name, long[] Values) : OutputColumn(Name)
{
    public override int Count => Values.Length;
    public override Type ClrType => typeof(long);
    public override object? GetValue(int row) => Values[row];
}

public sealed record Int32Column(string Name, int[] Values) : OutputColumn(Name)
{
    public override int Count => Values.Length;
    public override Type ClrType => typeof(int);
    public override object? GetValue(int row) => Values[row];
}

/// <summary>An int column with missing values (e.g. a customer seen in one stream only).</summary>
public sealed record NullableInt32Column(string Name, int?[] Values) : OutputColumn(Name)
{
    public override int Count => Values.Length;
    public override Type ClrType => typeof(int);
    public override object? GetValue(int row) => Values[row];
}

/// <summary>A long column with missing values.</summary>
public sealed record NullableInt64Column(string Name, long?[] Values) : OutputColumn(Name)
{
    public override int Count => Values.Length;
    public override Type ClrType => typeof(long);
    public override object? GetValue(int row) => Values[row];
}
