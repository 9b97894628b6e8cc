namespace Customer360.Domain.Tables;

/// <summary>Columns as views over a list of rows: <c>Column.OfInt32("month", rows, r =&gt; r.Month)</c>.</summary>
public static class Column
{
    public static StringColumn OfText<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, string?> value) => new(name, rows.Count, i => value(rows[i]));

    public static Int64Column OfInt64<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, long> value) => new(name, rows.Count, i => value(rows[i]));

    public static Int32Column OfInt32<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, int> value) => new(name, rows.Count, i => value(rows[i]));

    public static NullableInt32Column OfNullableInt32<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, int?> value) => new(name, rows.Count, i => value(rows[i]));

    public static NullableInt64Column OfNullableInt64<TRow>(string name, IReadOnlyList<TRow> rows, Func<TRow, long?> value) => new(name, rows.Count, i => value(rows[i]));
}
