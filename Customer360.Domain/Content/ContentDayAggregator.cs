namespace Customer360.Domain.Content;

/// <summary>Aggregates one daily file's valid records per contract (the map step's in-memory state).</summary>
public sealed class ContentDayAggregator : IContentRecordSink
{
    private readonly Dictionary<string, ContractActivity> _contracts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContractActivity>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly uint _dayBit;

    public ContentDayAggregator(DateOnly date)
    {
        _lookup = _contracts.GetAlternateLookup<ReadOnlySpan<char>>();
        _dayBit = 1u << (date.Day - 1);
    }

    public IReadOnlyDictionary<string, ContractActivity> Contracts => _contracts;

    public void Add(in ContentLineRecord record)
    {
        // The alternate lookup finds an existing contract without allocating a string per line.
        if (!_lookup.TryGetValue(record.Contract, out var activity))
        {
            activity = new ContractActivity { DayMask = _dayBit };
            _contracts.Add(new string(record.Contract), activity);
        }
        ref long seconds = ref activity.Seconds[(int)record.Category];
        seconds = WatchSeconds.Add(seconds, record.Duration);
        activity.AddDevice(record.Mac);
    }
}
