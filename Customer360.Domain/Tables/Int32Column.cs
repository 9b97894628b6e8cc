namespace Customer360.Domain.Tables;

/// <summary>An int column (e.g. a month, a count); the only kind a table may be partitioned by.</summary>
public sealed class Int32Column(string name, int count, Func<int, int> value) : OutputColumn<int>(name, count, value)
{
    public override Type ClrType => typeof(int);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new Int32Column(Name, rows.Count, i => this[rows[i]]);
}
