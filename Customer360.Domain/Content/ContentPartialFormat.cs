using Customer360.Domain.Storage;
using System.Text;

namespace Customer360.Domain.Content;

/// <summary>
/// The binary layout of one shard of a content partial (one file's per-contract aggregates): a header
/// (magic, version, month, contract count), then per contract its length-prefixed UTF-8 name, five 7-bit
/// varint seconds, the day mask and its devices (a count, then length-prefixed UTF-8 each). Written by
/// <see cref="ContentPartialWriter"/>; read by <see cref="ContentShardReducer"/> or, into
/// <see cref="ContractActivity"/> objects, by <see cref="ReadInto(Stream, Dictionary{int, Dictionary{string, ContractActivity}})"/>.
/// </summary>
public static class ContentPartialFormat
{
    internal const int Magic = 0x50_30_36_43; // "C360P"-ish tag, little-endian
    internal const byte Version = 1;

    /// <summary>Reads a shard and merges every contract into <paramref name="reducer"/> (the reduce step's fast path).</summary>
    public static void ReadInto(Stream stream, ContentShardReducer reducer)
    {
        // A shard is read whole (a few MB at full scale) and decoded from memory.
        var data = PartialCursor.ReadAll(stream, out int length);
        try
        {
            reducer.Add(data.AsSpan(0, length));
        }
        finally
        {
            TablePool.Return(data);
        }
    }

    /// <summary>Checks the header; returns the month, and the number of contracts that follow.</summary>
    internal static int ReadHeader(ref PartialCursor reader, out int count)
    {
        if (reader.ReadInt32() != Magic || reader.ReadByte() != Version)
        {
            throw new InvalidDataException("Not a content partial of this pipeline version.");
        }
        int month = reader.ReadInt32();
        count = reader.ReadInt32();
        return count >= 0 ? month : throw new InvalidDataException("Negative contract count in a content partial.");
    }

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
            TablePool.Return(data);
        }
    }

    private static void Merge(PartialCursor reader, Dictionary<int, Dictionary<string, ContractActivity>> target)
    {
        int month = ReadHeader(ref reader, out int count);
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
