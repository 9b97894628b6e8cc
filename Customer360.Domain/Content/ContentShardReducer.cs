using System.Runtime.CompilerServices;
using System.Text;
using Customer360.Domain.Storage;

namespace Customer360.Domain.Content;

/// <summary>
/// The content reduce's state: every day's partial of one shard merged per month and contract, then turned
/// into profile rows. Contracts get dense ids from a <see cref="Utf8KeyTable"/> over the bytes the partial
/// holds and devices become 64-bit <see cref="DeviceKeys"/>, so merging 30 days allocates nothing per
/// contract or device: one string per contract, for its row, at the end.
/// </summary>
public sealed class ContentShardReducer : IDisposable
{
    private readonly Dictionary<int, MonthTotals> _months = [];
    private readonly DeviceKeys _devices = new();
    private readonly DeviceOverflow _overflow = new();

    /// <summary>Distinct (month, contract) pairs so far.</summary>
    public int Count => _months.Values.Sum(m => m.Contracts.Count);

    /// <summary>Gives the month tables back to <see cref="TablePool"/> once the rows are taken.</summary>
    public void Dispose()
    {
        foreach (var totals in _months.Values)
        {
            totals.Contracts.Dispose();
            totals.Rows.Dispose();
        }
        _months.Clear();
        _devices.Dispose();
    }

    /// <summary>Merges one partial shard (<see cref="ContentPartialFormat"/>); a truncated or foreign one is <see cref="InvalidDataException"/>.</summary>
    public void Add(ReadOnlySpan<byte> partial)
    {
        var reader = new PartialCursor(partial);
        int month = ContentPartialFormat.ReadHeader(ref reader, out int count);
        if (!_months.TryGetValue(month, out var totals))
        {
            _months[month] = totals = new MonthTotals(Math.Max(1024, count * 2));
        }
        for (int i = 0; i < count; i++)
        {
            MergeContract(ref reader, totals);
        }
    }

    // A method of its own, called per contract record: it is compiled fully optimised after a few calls,
    // where the loop above would run as on-stack-replacement code for a whole reduce step.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MergeContract(ref PartialCursor reader, MonthTotals totals)
    {
        ref var row = ref totals.Rows[totals.Contracts.GetOrAdd(reader.ReadUtf8())];
        for (int c = 0; c < ContentCategories.Count; c++)
        {
            row.AddSeconds((ContentCategory)c, reader.Read7BitEncodedInt64());
        }
        row.DayMask |= reader.ReadUInt32();
        int devices = reader.Read7BitEncodedInt();
        for (int d = 0; d < devices; d++)
        {
            var device = reader.ReadUtf8();
            // As ContractActivity.AddDevice: an empty device id is no device.
            if (!device.IsEmpty)
            {
                row.AddDevice(_devices.KeyOf(device), _overflow);
            }
        }
    }

    /// <summary>The profile row of every contract merged so far, months in ascending order, contracts in first-seen order.</summary>
    public List<ContentProfileRow> Rows(int highActivityDays)
    {
        var rows = new List<ContentProfileRow>(Count);
        foreach (var (month, totals) in _months.OrderBy(m => m.Key))
        {
            for (int id = 0; id < totals.Contracts.Count; id++)
            {
                ref readonly var row = ref totals.Rows[id];
                rows.Add(ContentProfileCalculator.Build(
                    month, Encoding.UTF8.GetString(totals.Contracts.KeyOf(id)), row.Seconds, row.DayMask, row.DeviceCount(_overflow), highActivityDays));
            }
        }
        return rows;
    }

    /// <summary>One month's contracts of the shard.</summary>
    private sealed class MonthTotals(int expectedContracts)
    {
        public Utf8KeyTable Contracts { get; } = new(expectedContracts, pooled: true);

        public ChunkedRows Rows { get; } = new();
    }
}
