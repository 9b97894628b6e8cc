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
public sealed class ContentDayAggregator : IContentRecordSink, IDisposable
{
    private readonly Utf8KeyTable _contracts;
    private int _count = -1;
    private readonly DeviceKeys _devices = new();
    private readonly DeviceOverflow _overflow = new();
    private readonly uint _dayBit;
    private readonly ChunkedRows _rows = new();
    private byte[] _contractBytes = new byte[256];
    private Dictionary<string, ContractActivity>? _activities;

    // Records not yet applied (see Flush): a small batch, their contracts' bytes side by side.
    private const int PendingRecords = 16;
    private const int PendingKeyBytes = 64;
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
        _contracts = new(expectedContracts, pooled: true);
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
            if (_count >= 0)
            {
                return _count;
            }
            Flush();
            return _contracts.Count;
        }
    }

    /// <summary>Gives the day's tables back to <see cref="TablePool"/> (the next day's map reuses their memory); <see cref="Count"/> stays readable.</summary>
    public void Dispose()
    {
        if (_count < 0)
        {
            _count = Count;
            _contracts.Dispose();
            _rows.Dispose();
            _devices.Dispose();
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
    /// Every contract encoded into its shard's partial (<see cref="ContentPartialFormat"/>) in one pass in id
    /// order, so the totals, keys and devices are read front to back (read in the partial's hash order they
    /// cost a cache miss or three per contract: as much time as parsing the file); the writer puts them in
    /// hash order. The caller disposes the writers.
    /// </summary>
    internal ContentPartialWriter[] EncodeShards(int shards, int month)
    {
        Flush();
        const int groups = ContentPartialWriter.Groups;
        var counts = new int[shards * groups];
        for (int id = 0; id < _contracts.Count; id++)
        {
            // The hash kept from the contract's first line: the same shard as ShardHash.ShardOf(contract).
            ulong hash = _contracts.HashOf(id);
            counts[(ShardHash.ShardOf(hash, shards) * groups) + ContentPartialWriter.GroupOf(hash)]++;
        }
        var writers = new ContentPartialWriter[shards];
        for (int s = 0; s < shards; s++)
        {
            writers[s] = new ContentPartialWriter(month, counts.AsSpan(s * groups, groups));
        }
        Span<byte> scratch = stackalloc byte[16];
        for (int id = 0; id < _contracts.Count; id++)
        {
            ulong hash = _contracts.HashOf(id);
            var writer = writers[ShardHash.ShardOf(hash, shards)];
            ref readonly var row = ref _rows[id];
            int devices = row.DeviceCount(_overflow);
            writer.WriteContract(hash, _contracts.KeyOf(id), row.Seconds, _dayBit, devices);
            for (int d = 0; d < devices; d++)
            {
                writer.WriteDevice(_devices.Utf8Of(row.Device(d, _overflow), scratch));
            }
        }
        return writers;
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
