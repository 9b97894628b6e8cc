using System.Text;

namespace Customer360.Domain.Content;

/// <summary>The binary layout of one reduce step's finished profile rows in the work store.</summary>
public static class ContentProfileRowFormat
{
    public static void Write(Stream stream, IReadOnlyCollection<ContentProfileRow> rows)
    {
        using var writer = new BinaryWriter(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
        writer.Write(rows.Count);
        foreach (var r in rows)
        {
            writer.Write(r.Month);
            writer.Write(r.Contract);
            writer.Write7BitEncodedInt64(r.TruyenHinh);
            writer.Write7BitEncodedInt64(r.PhimTruyen);
            writer.Write7BitEncodedInt64(r.GiaiTri);
            writer.Write7BitEncodedInt64(r.ThieuNhi);
            writer.Write7BitEncodedInt64(r.TheThao);
            writer.Write7BitEncodedInt(r.TotalDevices);
            writer.Write7BitEncodedInt(r.ActiveDays);
            writer.Write(r.ActiveLevel);
            writer.Write(r.MostWatch);
            writer.Write(r.Taste);
        }
    }

    public static void ReadInto(Stream stream, List<ContentProfileRow> rows)
    {
        using var reader = new BinaryReader(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
        int count = reader.ReadInt32();
        rows.EnsureCapacity(rows.Count + count);
        // ActiveLevel, MostWatch and Taste take a few dozen values: one string each.
        var labels = new StringPool();
        for (int i = 0; i < count; i++)
        {
            rows.Add(new ContentProfileRow(
                reader.ReadInt32(), reader.ReadString(),
                reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt64(),
                reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt64(),
                reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt(),
                labels.Get(reader.ReadString()), labels.Get(reader.ReadString()), labels.Get(reader.ReadString())));
        }
    }
}
