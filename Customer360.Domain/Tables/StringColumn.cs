namespace Customer360.Domain.Tables;

/// <summary>A text column; a null value is written as empty (CSV) or null (Parquet, MySQL).</summary>
public sealed class StringColumn(string name, int count, Func<int, string?> value) : OutputColumn<string?>(name, count, value)
{
    public override Type ClrType => typeof(string);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new StringColumn(Name, rows.Count, i => this[rows[i]]);
}
