using System.Text;
using Customer360.Domain.Sharding;

namespace Customer360.Domain.Content;

/// <summary>
/// Aggregates one daily file's valid records per contract (the map step's in-memory state). Each contract
/// gets a dense id on first sight from a <see cref="Utf8KeyTable"/> over its raw UTF-8 bytes (no string per
/// line, none per contract), and its totals live by value in cache-aligned chunks of
/// <see cref="ContractTotals"/>, devices as 64-bit <see cref="DeviceKeys"/>: when contracts arrive interleaved,
/// as they do in a real export, a line touches one line of the table and one of the totals.
/// </summary>
public sealed class ContentDayAggregator : IContentRecordSink
{
    private readonly Utf8KeyTable _contracts = new(4096);
    private readonly DeviceKeys _devices = new();
    private readonly DeviceOverflow _overflow = new();
    private readonly uint _dayBit;
    private readonly ChunkedRows _rows = new();
    private byte[] _contractBytes = new byte[256];
    private Dictionary<string, ContractActivity>? _activities;

    public ContentDayAggregator(DateOnly date) => _dayBit = 1u << (date.Day - 1);

    /// <summary>Distinct contracts so far.</summary>
    public int Count => _contracts.Count;

    /// <summary>The aggregates as <see cref="ContractActivity"/> objects, built on first use (for inspection; the map step writes partials directly).</summary>
    public IReadOnlyDictionary<string, ContractActivity> Contracts => _activities ??= BuildActivities();

    public void Add(in ContentLineRecord record)
    {
        int id = _contracts.GetOrAdd(record.ContractUtf8.IsEmpty ? Utf8(record.Contract) : record.ContractUtf8);
        _activities = null;
        ref var row = ref _rows[id];
        row.AddSeconds(record.Category, record.Duration);
        if (!record.Mac.IsEmpty)
        {
            row.AddDevice(_devices.KeyOf(record.Mac), _overflow);
        }
    }

    /// <summary>The contract ids of each shard, in first-seen order.</summary>
    public List<int>[] IdsByShard(int shards)
    {
        var byShard = new List<int>[shards];
        for (int s = 0; s < shards; s++)
        {
            byShard[s] = new List<int>((Count / shards) + 16);
        }
        for (int id = 0; id < Count; id++)
        {
            // The hash kept from the contract's first line: the same shard as ShardHash.ShardOf(contract).
            byShard[ShardHash.ShardOf(_contracts.HashOf(id), shards)].Add(id);
        }
        return byShard;
    }

    /// <summary>Writes the given contracts as one partial shard (<see cref="ContentPartialFormat"/>), in one block.</summary>
    public void WritePartial(Stream stream, int month, IReadOnlyList<int> ids)
    {
        using var writer = new ContentPartialWriter(month, ids.Count, ids.Count * 64);
        Span<byte> scratch = stackalloc byte[16];
        foreach (int id in ids)
        {
            ref readonly var row = ref _rows[id];
            int devices = row.DeviceCount(_overflow);
            writer.WriteContract(_contracts.KeyOf(id), row.Seconds, _dayBit, devices);
            for (int d = 0; d < devices; d++)
            {
                writer.WriteDevice(_devices.Utf8Of(row.Device(d, _overflow), scratch));
            }
        }
        writer.CopyTo(stream);
    }

    /// <summary>
    /// A contract the full parser read (escapes, non-ASCII) as UTF-8, as BinaryWriter would write it: an
    /// unpaired surrogate becomes U+FFFD here exactly as it did in the partial, so the result is unchanged.
    /// </summary>
    private ReadOnlySpan<byte> Utf8(ReadOnlySpan<char> contract)
    {
        int max = Encoding.UTF8.GetMaxByteCount(contract.Length);
        if (_contractBytes.Length < max)
        {
            _contractBytes = new byte[Math.Max(max, _contractBytes.Length * 2)];
        }
        return _contractBytes.AsSpan(0, Encoding.UTF8.GetBytes(contract, _contractBytes));
    }

    private Dictionary<string, ContractActivity> BuildActivities()
    {
        var activities = new Dictionary<string, ContractActivity>(Count, StringComparer.Ordinal);
        for (int id = 0; id < Count; id++)
        {
            ref readonly var row = ref _rows[id];
            var activity = new ContractActivity { DayMask = _dayBit };
            ((ReadOnlySpan<long>)row.Seconds).CopyTo(activity.Seconds);
            for (int d = 0; d < row.DeviceCount(_overflow); d++)
            {
                activity.AddDevice(_devices.StringOf(row.Device(d, _overflow)));
            }
            activities.Add(Encoding.UTF8.GetString(_contracts.KeyOf(id)), activity);
        }
        return activities;
    }
}
