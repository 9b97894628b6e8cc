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
