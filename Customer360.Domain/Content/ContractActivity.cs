namespace Customer360.Domain.Content;

/// <summary>
/// The running aggregate of one contract in one month: seconds per category, the days it was active
/// (bit d-1 for day d) and its distinct normalised devices, as objects: what
/// <see cref="ContentDayAggregator.Contracts"/> and <see cref="ContentPartialFormat"/>'s dictionary reader
/// give for inspection and tests (the map and reduce steps keep <see cref="ContractTotals"/> by value instead).
/// </summary>
public sealed class ContractActivity
{
    private const int InlineDevices = 4;

    public long[] Seconds { get; } = new long[ContentCategories.Count];

    public uint DayMask { get; set; }

    /// <summary>Distinct devices, in first-seen order (a contract has 1–3; a linear scan beats a set).</summary>
    public List<string> Devices { get; } = new(InlineDevices);

    public void AddDevice(ReadOnlySpan<char> mac)
    {
        if (mac.IsEmpty)
        {
            return;
        }
        foreach (var device in Devices)
        {
            if (mac.SequenceEqual(device))
            {
                return;
            }
        }
        Devices.Add(new string(mac));
    }

    public void AddDevice(string mac)
    {
        if (mac.Length > 0 && !Devices.Contains(mac, StringComparer.Ordinal))
        {
            Devices.Add(mac);
        }
    }
}
