namespace Customer360.Domain.Tables;

/// <summary>Typed column definitions for a <see cref="TableSchema{TRow}"/>: <c>TableColumns.Number&lt;Row&gt;("month", r =&gt; r.Month)</c>.</summary>
public static class TableColumns
{
    public static TableColumn<TRow> Text<TRow>(string name, Func<TRow, string?> value) => new(name, ColumnType.Text, rows => Column.OfText(name, rows, value));

    public static TableColumn<TRow> Number<TRow>(string name, Func<TRow, int> value) => new(name, ColumnType.Number, rows => Column.OfInt32(name, rows, value));

    public static TableColumn<TRow> LongNumber<TRow>(string name, Func<TRow, long> value) => new(name, ColumnType.LongNumber, rows => Column.OfInt64(name, rows, value));

    public static TableColumn<TRow> OptionalNumber<TRow>(string name, Func<TRow, int?> value) => new(name, ColumnType.OptionalNumber, rows => Column.OfNullableInt32(name, rows, value));

    public static TableColumn<TRow> OptionalLongNumber<TRow>(string name, Func<TRow, long?> value) => new(name, ColumnType.OptionalLongNumber, rows => Column.OfNullableInt64(name, rows, value));
}
