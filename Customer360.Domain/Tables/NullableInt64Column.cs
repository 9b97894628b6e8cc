namespace Customer360.Domain.Tables;

/// <summary>A long column with missing values.</summary>
public sealed class NullableInt64Column(string name, int count, Func<int, long?> value) : OutputColumn<long?>(name, count, value)
{
    public override Type ClrType => typeof(long);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new NullableInt64Column(Name, rows.Count, i => this[rows[i]]);
}
