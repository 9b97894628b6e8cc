namespace Customer360.Domain.Content;

/// <summary>
/// The running aggregate of one contract in one month: seconds per category, the days it was active
/// (bit d-1 for day d) and its distinct normalised devices. Used both for one day's partial and for the
/// month's merge.
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

    public void MergeFrom(ContractActivity other)
    {
        for (int i = 0; i < Seconds.Length; i++)
        {
            Seconds[i] = WatchSeconds.Add(Seconds[i], other.Seconds[i]);
        }
        DayMask |= other.DayMask;
        foreach (var device in other.Devices)
        {
            AddDevice(device);
        }
    }
}
