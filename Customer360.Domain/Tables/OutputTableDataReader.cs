using System.Collections;
using System.Data.Common;

namespace Customer360.Domain.Tables;

/// <summary>A forward-only <see cref="DbDataReader"/> over an <see cref="OutputTable"/> (what bulk loaders consume).</summary>
#pragma warning disable CA1010 // DbDataReader is IEnumerable by inheritance; rows are read with Read(), not enumerated.
public sealed class OutputTableDataReader(OutputTable table) : DbDataReader
{
    private int _row = -1;

    public override int FieldCount => table.Columns.Count;
    public override int RecordsAffected => -1;
    public override bool HasRows => table.RowCount > 0;
    public override bool IsClosed => false;
    public override int Depth => 0;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read() => ++_row < table.RowCount;
    public override bool NextResult() => false;
    public override string GetName(int ordinal) => table.Columns[ordinal].Name;
    public override int GetOrdinal(string name) => table.Columns.Select((c, i) => (c, i)).First(x => x.c.Name == name).i;
    public override Type GetFieldType(int ordinal) => table.Columns[ordinal].ClrType;
    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;
    public override object GetValue(int ordinal) => table.Columns[ordinal].GetValue(_row) ?? DBNull.Value;
    public override bool IsDBNull(int ordinal) => table.Columns[ordinal].GetValue(_row) is null;
    public override string GetString(int ordinal) => (string)GetValue(ordinal);
    public override long GetInt64(int ordinal) => Convert.ToInt64(GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);

    public override int GetValues(object[] values)
    {
        int n = Math.Min(values.Length, FieldCount);
        for (int i = 0; i < n; i++)
        {
            values[i] = GetValue(i);
        }
        return n;
    }

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
    public override bool GetBoolean(int ordinal) => throw new NotSupportedException();
    public override byte GetByte(int ordinal) => throw new NotSupportedException();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override char GetChar(int ordinal) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();
    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();
    public override double GetDouble(int ordinal) => throw new NotSupportedException();
    public override float GetFloat(int ordinal) => throw new NotSupportedException();
    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
    public override short GetInt16(int ordinal) => throw new NotSupportedException();
}
#pragma warning restore CA1010
