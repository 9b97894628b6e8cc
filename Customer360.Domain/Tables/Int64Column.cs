namespace Customer360.Domain.Tables;

/// <summary>A long column (e.g. seconds watched).</summary>
public sealed class Int64Column(string name, int count, Func<int, long> value) : OutputColumn<long>(name, count, value)
{
    public override Type ClrType => typeof(long);

    public override OutputColumn Take(IReadOnlyList<int> rows) => new Int64Column(Name, rows.Count, i => this[rows[i]]);
}
