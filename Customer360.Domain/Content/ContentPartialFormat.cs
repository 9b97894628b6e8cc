using System.Buffers;
using Customer360.Domain.Storage;
using System.Text;

namespace Customer360.Domain.Content;

/// <summary>
/// The binary layout of one shard of a content partial (one file's per-contract aggregates, or a merge).
/// Length-prefixed UTF-8 strings and 7-bit varints: compact, and fast to stream back in the reduce step.
/// </summary>
public static class ContentPartialFormat
{
    private const int Magic = 0x50_30_36_43; // "C360P"-ish tag, little-endian
    private const byte Version = 1;

    /// <summary>Starts a shard: the header, then <paramref name="count"/> contracts must follow (<see cref="WriteContract"/>).</summary>
    public static BinaryWriter Begin(Stream stream, int month, int count)
    {
        var writer = new BinaryWriter(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(month);
        writer.Write(count);
        return writer;
    }

    /// <summary>One contract's aggregate; its <paramref name="devices"/> devices follow (<see cref="WriteDevice"/>).</summary>
    public static void WriteContract(BinaryWriter writer, string contract, ReadOnlySpan<long> seconds, uint dayMask, int devices)
    {
        writer.Write(contract);
        foreach (var value in seconds)
        {
            writer.Write7BitEncodedInt64(value);
        }
        writer.Write(dayMask);
        writer.Write7BitEncodedInt(devices);
    }

    public static void WriteDevice(BinaryWriter writer, string device) => writer.Write(device);

    /// <summary>Reads a shard and merges every contract into <paramref name="target"/> (keyed by month, then contract).</summary>
    public static void ReadInto(Stream stream, Dictionary<int, Dictionary<string, ContractActivity>> target)
    {
        // A shard is read whole (a few MB at full scale) and decoded from memory.
        var data = PartialCursor.ReadAll(stream, out int length);
        try
        {
            Merge(new PartialCursor(data.AsSpan(0, length)), target);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    private static void Merge(PartialCursor reader, Dictionary<int, Dictionary<string, ContractActivity>> target)
    {
        if (reader.ReadInt32() != Magic || reader.ReadByte() != Version)
        {
            throw new InvalidDataException("Not a content partial of this pipeline version.");
        }
        int month = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (!target.TryGetValue(month, out var contracts))
        {
            target[month] = contracts = new Dictionary<string, ContractActivity>(StringComparer.Ordinal);
        }
        // Contract and device strings are decoded into a reused buffer and looked up without allocating:
        // a contract seen on 30 days costs one string, not 30 (the reduce's main allocation otherwise).
        var lookup = contracts.GetAlternateLookup<ReadOnlySpan<char>>();
        char[] chars = new char[256];
        for (int i = 0; i < count; i++)
        {
            var contract = reader.ReadChars(ref chars);
            if (!lookup.TryGetValue(contract, out var activity))
            {
                activity = new ContractActivity();
                contracts.Add(new string(contract), activity);
            }
            for (int c = 0; c < ContentCategories.Count; c++)
            {
                activity.Seconds[c] = WatchSeconds.Add(activity.Seconds[c], reader.Read7BitEncodedInt64());
            }
            activity.DayMask |= reader.ReadUInt32();
            int devices = reader.Read7BitEncodedInt();
            for (int d = 0; d < devices; d++)
            {
                activity.AddDevice(reader.ReadChars(ref chars));
            }
        }
    }
}
