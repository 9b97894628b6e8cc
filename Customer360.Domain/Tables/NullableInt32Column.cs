namespace Customer360.Domain.Tables;

/// <summary>An int column with missing values (e.g. a customer seen in one stream only).</summary>
public sealed class NullableInt32Column(string name, int count, Func<int, int?> value) : OutputColumn<int?>(name, count, value)
{
    public override Type ClrType => typeof(int);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new NullableInt32Column(Name, rows.Count, i => this[rows[i]]);
}
