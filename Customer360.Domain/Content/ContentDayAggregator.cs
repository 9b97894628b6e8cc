using System.Runtime.InteropServices;
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
    private readonly Utf8KeyTable _contracts;
    private readonly DeviceKeys _devices = new();
    private readonly DeviceOverflow _overflow = new();
    private readonly uint _dayBit;
    private readonly ChunkedRows _rows = new();
    private byte[] _contractBytes = new byte[256];
    private Dictionary<string, ContractActivity>? _activities;

    // Records not yet applied (see Flush): a small batch, their contracts' bytes side by side.
    private const int PendingRecords = 16;
    private const int PendingKeyBytes = 64;
    private const int WriteAhead = 16;
    private readonly PendingRecord[] _pending = new PendingRecord[PendingRecords];
    private readonly byte[] _pendingKeys = new byte[PendingRecords * PendingKeyBytes];
    private int _pendingCount;
    private int _touched;

    /// <summary>The most contracts <see cref="ExpectedContracts"/> sizes a day for up front (a full-scale day has ≈1.2M).</summary>
    public const int MaxExpectedContracts = 2_000_000;

    /// <param name="expectedContracts">The day's contracts as far as known in advance (<see cref="ExpectedContracts"/>): the contract table starts at that size instead of doubling its way there.</param>
    public ContentDayAggregator(DateOnly date, int expectedContracts = 4096)
    {
        _dayBit = 1u << (date.Day - 1);
        _contracts = new(expectedContracts);
    }

    /// <summary>
    /// At most one contract per line, and lines are ≈150 bytes: a plain file's size bounds its contracts (real days
    /// have ≈0.7 per line). A gzip file's size says less; it is sized as if plain and grows.
    /// </summary>
    public static int ExpectedContracts(long fileBytes) => (int)Math.Clamp(fileBytes / 150, 4096, MaxExpectedContracts);

    /// <summary>Distinct contracts so far.</summary>
    public int Count
    {
        get
        {
            Flush();
            return _contracts.Count;
        }
    }

    /// <summary>The aggregates as <see cref="ContractActivity"/> objects, built on first use (for inspection; the map step writes partials directly).</summary>
    public IReadOnlyDictionary<string, ContractActivity> Contracts => _activities ??= BuildActivities();

    public void Add(in ContentLineRecord record)
    {
        _activities = null;
        var contract = record.ContractUtf8.IsEmpty ? Utf8(record.Contract) : record.ContractUtf8;
        ulong device = record.Mac.IsEmpty ? 0 : _devices.KeyOf(record.Mac);
        if (contract.Length > PendingKeyBytes)
        {
            // Rare (the fast path's contracts are at most 64 bytes): kept in order, without the batch.
            Flush();
            Apply(_contracts.GetOrAdd(contract), record.Category, record.Duration, device);
            return;
        }
        ref var pending = ref _pending[_pendingCount];
        contract.CopyTo(_pendingKeys.AsSpan(_pendingCount * PendingKeyBytes));
        pending.KeyLength = contract.Length;
        pending.Hash = ShardHash.Hash(contract);
        pending.Category = record.Category;
        pending.Duration = record.Duration;
        pending.Device = device;
        if (++_pendingCount == PendingRecords)
        {
            Flush();
        }
    }

    /// <summary>
    /// Applies the pending records in three passes: read each one's table slot, then each one's row, then
    /// update them. Within a pass the reads do not depend on each other, so their cache misses overlap
    /// instead of coming one after another, line by line (with contracts interleaved nearly every line
    /// misses twice: its slot, its row).
    /// </summary>
    private void Flush()
    {
        int touched = 0;
        for (int p = 0; p < _pendingCount; p++)
        {
            touched += _contracts.Touch(_pending[p].Hash);
        }
        for (int p = 0; p < _pendingCount; p++)
        {
            ref var pending = ref _pending[p];
            pending.Id = _contracts.GetOrAdd(_pendingKeys.AsSpan(p * PendingKeyBytes, pending.KeyLength), pending.Hash);
            touched += _rows[pending.Id].MoreDevices;
        }
        for (int p = 0; p < _pendingCount; p++)
        {
            ref readonly var pending = ref _pending[p];
            Apply(pending.Id, pending.Category, pending.Duration, pending.Device);
        }
        _pendingCount = 0;
        _touched = touched; // kept, so the reads above are not optimised away
    }

    private void Apply(int id, ContentCategory category, long duration, ulong device)
    {
        ref var row = ref _rows[id];
        row.AddSeconds(category, duration);
        if (device != 0)
        {
            row.AddDevice(device, _overflow);
        }
    }

    /// <summary>
    /// The contract ids of each shard, in the order of their <see cref="ShardHash.Hash"/>. The reduce keys its
    /// table by the top bits of that hash, so a partial in hash order walks the table (and, mostly, the
    /// reduce's rows) front to back instead of missing the cache on every contract.
    /// </summary>
    public List<int>[] IdsByShard(int shards)
    {
        Flush();
        var byShard = new List<int>[shards];
        for (int s = 0; s < shards; s++)
        {
            byShard[s] = new List<int>((_contracts.Count / shards) + 16);
        }
        for (int id = 0; id < _contracts.Count; id++)
        {
            // The hash kept from the contract's first line: the same shard as ShardHash.ShardOf(contract).
            byShard[ShardHash.ShardOf(_contracts.HashOf(id), shards)].Add(id);
        }
        foreach (var ids in byShard)
        {
            var span = CollectionsMarshal.AsSpan(ids);
            var hashes = new ulong[span.Length];
            for (int i = 0; i < span.Length; i++)
            {
                hashes[i] = _contracts.HashOf(span[i]);
            }
            hashes.AsSpan().Sort(span);
        }
        return byShard;
    }

    /// <summary>Writes the given contracts as one partial shard (<see cref="ContentPartialFormat"/>), in one block.</summary>
    public void WritePartial(Stream stream, int month, IReadOnlyList<int> ids)
    {
        Flush();
        using var writer = new ContentPartialWriter(month, ids.Count, ids.Count * 64);
        Span<byte> scratch = stackalloc byte[16];
        int touched = 0;
        for (int i = 0; i < ids.Count; i++)
        {
            // Ids in hash order are scattered over the rows and keys: start their reads a few contracts ahead.
            if (i + WriteAhead < ids.Count)
            {
                int ahead = ids[i + WriteAhead];
                touched += _rows[ahead].MoreDevices + _contracts.TouchKey(ahead);
            }
            int id = ids[i];
            ref readonly var row = ref _rows[id];
            int devices = row.DeviceCount(_overflow);
            writer.WriteContract(_contracts.KeyOf(id), row.Seconds, _dayBit, devices);
            for (int d = 0; d < devices; d++)
            {
                writer.WriteDevice(_devices.Utf8Of(row.Device(d, _overflow), scratch));
            }
        }
        writer.CopyTo(stream);
        _touched = touched;
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
        Flush();
        var activities = new Dictionary<string, ContractActivity>(_contracts.Count, StringComparer.Ordinal);
        for (int id = 0; id < _contracts.Count; id++)
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

    private struct PendingRecord
    {
        public ulong Hash;
        public ulong Device;
        public long Duration;
        public int KeyLength;
        public int Id;
        public ContentCategory Category;
    }
}
