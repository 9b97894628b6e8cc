namespace Customer360.Domain.Tables;

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
