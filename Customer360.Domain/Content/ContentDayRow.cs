using System.Runtime.CompilerServices;

namespace Customer360.Domain.Content;

/// <summary>
/// One contract's state in one day, kept by value in <see cref="ContentDayAggregator"/>'s row array: the five
/// categories' seconds and the first two devices in one 64-byte slot, so a line touches one cache line of
/// state however the contracts interleave (a contract has 1–3 devices; the rare rest go to a list).
/// </summary>
internal struct ContentDayRow
{
    public CategorySeconds Seconds;
    public string? Device0;
    public string? Device1;
    public List<string>? MoreDevices;

    public readonly int DeviceCount => Device0 is null ? 0 : Device1 is null ? 1 : 2 + (MoreDevices?.Count ?? 0);

    public readonly string Device(int index) => index switch
    {
        0 => Device0!,
        1 => Device1!,
        _ => MoreDevices![index - 2],
    };

    /// <summary>Adds a normalised device unless empty or already there (in first-seen order).</summary>
    public void AddDevice(ReadOnlySpan<char> mac)
    {
        if (mac.IsEmpty)
        {
            return;
        }
        if (Device0 is null)
        {
            Device0 = new string(mac);
            return;
        }
        if (mac.SequenceEqual(Device0))
        {
            return;
        }
        if (Device1 is null)
        {
            Device1 = new string(mac);
            return;
        }
        if (mac.SequenceEqual(Device1))
        {
            return;
        }
        MoreDevices ??= [];
        foreach (var device in MoreDevices)
        {
            if (mac.SequenceEqual(device))
            {
                return;
            }
        }
        MoreDevices.Add(new string(mac));
    }

    /// <summary>The seconds of the five categories, inline (indexed by <see cref="ContentCategory"/>).</summary>
    [InlineArray(ContentCategories.Count)]
    public struct CategorySeconds
    {
        private long _first;
    }
}
