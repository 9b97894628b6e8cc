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

    public static void Write(Stream stream, int month, IReadOnlyCollection<KeyValuePair<string, ContractActivity>> contracts)
    {
        using var writer = new BinaryWriter(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(month);
        writer.Write(contracts.Count);
        foreach (var (contract, activity) in contracts)
        {
            writer.Write(contract);
            foreach (var seconds in activity.Seconds)
            {
                writer.Write7BitEncodedInt64(seconds);
            }
            writer.Write(activity.DayMask);
            writer.Write7BitEncodedInt(activity.Devices.Count);
            foreach (var device in activity.Devices)
            {
                writer.Write(device);
            }
        }
    }

    /// <summary>Reads a shard and merges every contract into <paramref name="target"/> (keyed by month, then contract).</summary>
    public static void ReadInto(Stream stream, Dictionary<int, Dictionary<string, ContractActivity>> target)
    {
        using var reader = new BinaryReader(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
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
        for (int i = 0; i < count; i++)
        {
            string contract = reader.ReadString();
            if (!contracts.TryGetValue(contract, out var activity))
            {
                contracts[contract] = activity = new ContractActivity();
            }
            for (int c = 0; c < ContentCategories.Count; c++)
            {
                activity.Seconds[c] = WatchSeconds.Add(activity.Seconds[c], reader.Read7BitEncodedInt64());
            }
            activity.DayMask |= reader.ReadUInt32();
            int devices = reader.Read7BitEncodedInt();
            for (int d = 0; d < devices; d++)
            {
                activity.AddDevice(reader.ReadString());
            }
        }
    }
}
