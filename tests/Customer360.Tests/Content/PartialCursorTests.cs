using System.Text;
using Customer360.Domain.Content;
using Customer360.Domain.Storage;

namespace Customer360.Tests.Content;

public class PartialCursorTests
{
    private static readonly long[] Longs = [0, 1, 127, 128, 16_383, 16_384, int.MaxValue, long.MaxValue, -1, long.MinValue];
    private static readonly int[] Ints = [0, 1, 127, 128, int.MaxValue, -1, int.MinValue];
    private static readonly string[] Strings = ["", "HNH579912", "Thể Thao", new string('x', 300), "😀 ok"];

    private static byte[] Written()
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0x1234_5678);
            writer.Write((byte)7);
            writer.Write(0xFEDC_BA98u);
            Array.ForEach(Longs, writer.Write7BitEncodedInt64);
            Array.ForEach(Ints, writer.Write7BitEncodedInt);
            Array.ForEach(Strings, writer.Write);
        }
        return memory.ToArray();
    }

    [Fact]
    public void Reads_back_what_BinaryWriter_wrote()
    {
        var cursor = new PartialCursor(Written());
        Assert.Equal(0x1234_5678, cursor.ReadInt32());
        Assert.Equal(7, cursor.ReadByte());
        Assert.Equal(0xFEDC_BA98u, cursor.ReadUInt32());
        foreach (var value in Longs)
        {
            Assert.Equal(value, cursor.Read7BitEncodedInt64());
        }
        foreach (var value in Ints)
        {
            Assert.Equal(value, cursor.Read7BitEncodedInt());
        }
        var chars = new char[4];
        foreach (var value in Strings)
        {
            Assert.Equal(value, cursor.ReadChars(ref chars).ToString());
        }
    }

    [Fact]
    public void A_truncated_partial_is_invalid_data_at_every_cut()
    {
        var bytes = Written();
        for (int cut = 0; cut < bytes.Length; cut++)
        {
            var slice = bytes[..cut];
            Assert.Throws<InvalidDataException>(() => ReadEverything(slice));
        }
    }

    private static void ReadEverything(byte[] bytes)
    {
        var cursor = new PartialCursor(bytes);
        cursor.ReadInt32();
        cursor.ReadByte();
        cursor.ReadUInt32();
        foreach (var _ in Longs)
        {
            cursor.Read7BitEncodedInt64();
        }
        foreach (var _ in Ints)
        {
            cursor.Read7BitEncodedInt();
        }
        var chars = new char[4];
        foreach (var _ in Strings)
        {
            cursor.ReadChars(ref chars);
        }
    }

    [Fact]
    public void An_overlong_varint_is_invalid_data()
    {
        byte[] eleven = [.. Enumerable.Repeat((byte)0xFF, 10), 0x01];
        Assert.Throws<InvalidDataException>(() => new PartialCursor(eleven).Read7BitEncodedInt64());
        Assert.Throws<InvalidDataException>(() => new PartialCursor([0xFF, 0xFF, 0xFF, 0xFF, 0x1F]).Read7BitEncodedInt());
    }

    [Fact]
    public void A_partial_written_from_a_day_reads_back_merged_across_days()
    {
        var first = new ContentDayAggregator(new DateOnly(2022, 4, 1));
        var second = new ContentDayAggregator(new DateOnly(2022, 4, 2));
        var lines = new ContentLineFastPath(CategoryMap.Default);
        void Add(ContentDayAggregator day, string contract, string app, long seconds, string mac)
        {
            var line = Encoding.UTF8.GetBytes($"{{\"_source\":{{\"Contract\":\"{contract}\",\"AppName\":\"{app}\",\"TotalDuration\":{seconds},\"Mac\":\"{mac}\"}}}}");
            Assert.True(lines.TryParse(line, out var record));
            day.Add(record);
        }
        Add(first, "C1", "VOD", 10, "aa");
        Add(first, "C1", "SPORT", 5, "bb");
        Add(first, "C1", "VOD", 1, "cc");
        Add(first, "C1", "VOD", 1, "dd");
        Add(first, "C2", "CHANNEL", 7, "");
        Add(second, "C1", "VOD", 100, "AA");
        Add(second, "C3", "RELAX", 3, "ee");

        var target = new Dictionary<int, Dictionary<string, ContractActivity>>();
        foreach (var day in new[] { first, second })
        {
            using var memory = new MemoryStream();
            using var writer = day.EncodeShards(1, 202204)[0];
            writer.CopyTo(memory);
            ContentPartialFormat.ReadInto(new MemoryStream(memory.ToArray()), target);
        }

        var month = target[202204];
        Assert.Equal(["C1", "C2", "C3"], month.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([0L, 112, 0, 0, 5], month["C1"].Seconds); // VOD is Phim Truyện, SPORT Thể Thao
        Assert.Equal(0b11u, month["C1"].DayMask);
        Assert.Equal(["AA", "BB", "CC", "DD"], month["C1"].Devices);
        Assert.Empty(month["C2"].Devices);
        Assert.Equal(0b10u, month["C3"].DayMask);
    }
}
