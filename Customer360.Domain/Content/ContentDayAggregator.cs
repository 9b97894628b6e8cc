using Customer360.Domain.Sharding;

namespace Customer360.Domain.Content;

/// <summary>
/// Aggregates one daily file's valid records per contract (the map step's in-memory state). Each contract
/// gets a dense id on first sight (one string per contract per day, none per line) and its state lives by
/// value in one array of <see cref="ContentDayRow"/>, not in objects per contract: fewer allocations, and
/// one cache line per line of input when contracts arrive interleaved, as they do in a real export.
/// </summary>
public sealed class ContentDayAggregator : IContentRecordSink
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly uint _dayBit;
    private string[] _contracts = new string[1024];
    private ContentDayRow[] _rows = new ContentDayRow[1024];
    private int _count;
    private Dictionary<string, ContractActivity>? _activities;

    public ContentDayAggregator(DateOnly date)
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _dayBit = 1u << (date.Day - 1);
    }

    /// <summary>Distinct contracts so far.</summary>
    public int Count => _count;

    /// <summary>The aggregates as <see cref="ContractActivity"/> objects, built on first use (for inspection; the map step writes partials directly).</summary>
    public IReadOnlyDictionary<string, ContractActivity> Contracts => _activities ??= BuildActivities();

    public void Add(in ContentLineRecord record)
    {
        // The alternate lookup finds an existing contract without allocating a string per line.
        if (!_lookup.TryGetValue(record.Contract, out int id))
        {
            id = _count++;
            if (id == _rows.Length)
            {
                Array.Resize(ref _rows, _rows.Length * 2);
                Array.Resize(ref _contracts, _contracts.Length * 2);
            }
            var name = new string(record.Contract);
            _ids.Add(name, id);
            _contracts[id] = name;
        }
        _activities = null;
        ref var row = ref _rows[id];
        ref long seconds = ref row.Seconds[(int)record.Category];
        seconds = WatchSeconds.Add(seconds, record.Duration);
        row.AddDevice(record.Mac);
    }

    /// <summary>The contract ids of each shard, in first-seen order.</summary>
    public List<int>[] IdsByShard(int shards)
    {
        var byShard = new List<int>[shards];
        for (int s = 0; s < shards; s++)
        {
            byShard[s] = new List<int>((_count / shards) + 16);
        }
        for (int id = 0; id < _count; id++)
        {
            byShard[ShardHash.ShardOf(_contracts[id], shards)].Add(id);
        }
        return byShard;
    }

    /// <summary>Writes the given contracts as one partial shard (<see cref="ContentPartialFormat"/>).</summary>
    public void WritePartial(Stream stream, int month, IReadOnlyList<int> ids)
    {
        using var writer = ContentPartialFormat.Begin(stream, month, ids.Count);
        foreach (int id in ids)
        {
            ref readonly var row = ref _rows[id];
            int devices = row.DeviceCount;
            ContentPartialFormat.WriteContract(writer, _contracts[id], row.Seconds, _dayBit, devices);
            for (int d = 0; d < devices; d++)
            {
                ContentPartialFormat.WriteDevice(writer, row.Device(d));
            }
        }
    }

    private Dictionary<string, ContractActivity> BuildActivities()
    {
        var activities = new Dictionary<string, ContractActivity>(_count, StringComparer.Ordinal);
        for (int id = 0; id < _count; id++)
        {
            ref readonly var row = ref _rows[id];
            var activity = new ContractActivity { DayMask = _dayBit };
            ((ReadOnlySpan<long>)row.Seconds).CopyTo(activity.Seconds);
            for (int d = 0; d < row.DeviceCount; d++)
            {
                activity.AddDevice(row.Device(d));
            }
            activities.Add(_contracts[id], activity);
        }
        return activities;
    }
}
