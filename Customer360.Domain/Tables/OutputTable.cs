namespace Customer360.Domain.Tables;

/// <summary>
/// A finished output table, column by column: the one shape every sink (CSV, Parquet, MySQL) writes.
/// Column names and order are the documented contract of the table. Columns are views over the rows
/// the table was built from, not copies, so a table of millions of rows costs no more than its rows.
/// </summary>
public sealed class OutputTable
{
    /// <param name="partitionColumn">The int column holding each row's month (YYYYMM) by which file outputs are
    /// partitioned (<c>&lt;table&gt;/month=YYYYMM/</c>); null for a table that is not monthly.</param>
    /// <summary>A table of a defined schema (the documented tables).</summary>
    public OutputTable(TableSchema schema, IReadOnlyList<OutputColumn> columns)
        : this(schema.Name, columns, schema.PartitionColumn)
    {
        if (!columns.Select(c => c.Name).SequenceEqual(schema.ColumnNames))
        {
            throw new ArgumentException($"Columns of table '{schema.Name}' differ from its schema.", nameof(columns));
        }
        Schema = schema;
    }

    public OutputTable(string name, IReadOnlyList<OutputColumn> columns, string? partitionColumn = null)
    {
        Name = name;
        Columns = columns;
        PartitionColumn = partitionColumn;
        RowCount = columns.Count == 0 ? 0 : columns[0].Count;
        if (columns.Any(c => c.Count != RowCount))
        {
            throw new ArgumentException($"Columns of table '{name}' differ in length.", nameof(columns));
        }
        if (partitionColumn is not null && !columns.Any(c => c.Name == partitionColumn && c is Int32Column))
        {
            throw new ArgumentException($"Table '{name}' has no int column '{partitionColumn}' to partition by.", nameof(partitionColumn));
        }
    }

    public string Name { get; }

    public IReadOnlyList<OutputColumn> Columns { get; }

    public int RowCount { get; }

    /// <summary>The table's definition; null for an ad-hoc table (e.g. a staging load of the identity map).</summary>
    public TableSchema? Schema { get; }

    /// <summary>The month column file outputs are partitioned by (e.g. <c>month</c>, <c>month_to</c>); null = not monthly.</summary>
    public string? PartitionColumn { get; }

    public OutputColumn this[string column] => Columns.First(c => c.Name == column);

    /// <summary>The given rows (indexes into this table, in that order) as a table of the same name and columns; a view, not a copy.</summary>
    public OutputTable Take(IReadOnlyList<int> rows)
    {
        var columns = Columns.Select(c => c.Take(rows)).ToList();
        return Schema is { } schema ? new OutputTable(schema, columns) : new OutputTable(Name, columns, PartitionColumn);
    }
}

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

/// <summary>A typed column whose values are read from the rows on demand.</summary>
public abstract class OutputColumn<T>(string name, int count, Func<int, T> value) : OutputColumn(name, count)
{
    public T this[int row] => value(row);

    public override object? GetValue(int row) => value(row);

    /// <summary>Rows [start, start + destination.Length) copied into a caller's buffer (e.g. one Parquet row group).</summary>
    public void CopyTo(int start, Span<T> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = value(start + i);
        }
    }
}

/// <summary>A text column; a null value is written as empty (CSV) or null (Parquet, MySQL).</summary>
public sealed class StringColumn(string name, int count, Func<int, string?> value) : OutputColumn<string?>(name, count, value)
{
    public override Type ClrType => typeof(string);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new StringColumn(Name, rows.Count, i => this[rows[i]]);
}

public sealed class Int64Column(string name, int count, Func<int, long> value) : OutputColumn<long>(name, count, value)
{
    public override Type ClrType => typeof(long);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new Int64Column(Name, rows.Count, i => this[rows[i]]);
}

public sealed class Int32Column(string name, int count, Func<int, int> value) : OutputColumn<int>(name, count, value)
{
    public override Type ClrType => typeof(int);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new Int32Column(Name, rows.Count, i => this[rows[i]]);
}

/// <summary>An int column with missing values (e.g. a customer seen in one stream only).</summary>
public sealed class NullableInt32Column(string name, int count, Func<int, int?> value) : OutputColumn<int?>(name, count, value)
{
    public override Type ClrType => typeof(int);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new NullableInt32Column(Name, rows.Count, i => this[rows[i]]);
}

/// <summary>A long column with missing values.</summary>
public sealed class NullableInt64Column(string name, int count, Func<int, long?> value) : OutputColumn<long?>(name, count, value)
{
    public override Type ClrType => typeof(long);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new NullableInt64Column(Name, rows.Count, i => this[rows[i]]);
}

/// <summary>Columns as views over a list of rows: <c>Column.OfInt32("month", rows, r =&gt; r.Month)</c>.</summary>
public static class Column
{
    public static StringColumn OfText<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, string?> value) => new(name, rows.Count, i => value(rows[i]));

    public static Int64Column OfInt64<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, long> value) => new(name, rows.Count, i => value(rows[i]));

    public static Int32Column OfInt32<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, int> value) => new(name, rows.Count, i => value(rows[i]));

    public static NullableInt32Column OfNullableInt32<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, int?> value) => new(name, rows.Count, i => value(rows[i]));

    public static NullableInt64Column OfNullableInt64<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, long?> value) => new(name, rows.Count, i => value(rows[i]));
}
