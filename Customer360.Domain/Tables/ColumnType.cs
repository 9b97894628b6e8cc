namespace Customer360.Domain.Tables;

/// <summary>The value type of a table column: what the CSV and Parquet writers write and what the MySQL DDL declares.</summary>
public enum ColumnType
{
    /// <summary>Text; MySQL <c>VARCHAR</c>.</summary>
    Text,

    /// <summary>A 32-bit whole number (months, counts of days or devices); MySQL <c>INT</c>.</summary>
    Number,

    /// <summary>A 64-bit whole number (seconds, search counts); MySQL <c>BIGINT</c>.</summary>
    LongNumber,

    /// <summary>A 32-bit whole number that may be missing (a customer seen in one stream only).</summary>
    OptionalNumber,

    /// <summary>A 64-bit whole number that may be missing.</summary>
    OptionalLongNumber,
}
