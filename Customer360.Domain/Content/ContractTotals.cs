using System.Runtime.CompilerServices;

namespace Customer360.Domain.Content;

/// <summary>
/// One contract's running totals (a day's in the map, a month's in the reduce), by value in one 64-byte
/// slot of a <see cref="CacheAlignedArray{T}"/>: the five categories' seconds, the days seen and the first
/// two devices as <see cref="DeviceKeys"/> keys, so a record touches one cache line of state however the
/// contracts interleave. A contract has 1–3 devices; the rare rest go to a <see cref="DeviceOverflow"/> list.
/// </summary>
internal struct ContractTotals
{
    public CategorySeconds Seconds;
    public ulong Device0;
    public ulong Device1;
    public uint DayMask;

    /// <summary>1 + the index of this contract's further devices in its <see cref="DeviceOverflow"/>; 0: none.</summary>
    public int MoreDevices;

    public readonly int DeviceCount(DeviceOverflow overflow) =>
        Device0 == 0 ? 0 : Device1 == 0 ? 1 : 2 + (MoreDevices == 0 ? 0 : overflow[MoreDevices - 1].Count);

    public readonly ulong Device(int index, DeviceOverflow overflow) => index switch
    {
        0 => Device0,
        1 => Device1,
        _ => overflow[MoreDevices - 1][index - 2],
    };

    public void AddSeconds(ContentCategory category, long seconds)
    {
        ref long total = ref Seconds[(int)category];
        total = WatchSeconds.Add(total, seconds);
    }

    /// <summary>Adds a device key unless already there (in first-seen order).</summary>
    public void AddDevice(ulong key, DeviceOverflow overflow)
    {
        if (Device0 == 0)
        {
            Device0 = key;
        }
        else if (Device0 != key)
        {
            if (Device1 == 0)
            {
                Device1 = key;
            }
            else if (Device1 != key)
            {
                if (MoreDevices == 0)
                {
                    MoreDevices = overflow.Add(key);
                }
                else if (!overflow[MoreDevices - 1].Contains(key))
                {
                    overflow[MoreDevices - 1].Add(key);
                }
            }
        }
    }

    /// <summary>The seconds of the five categories, inline (indexed by <see cref="ContentCategory"/>).</summary>
    [InlineArray(ContentCategories.Count)]
    public struct CategorySeconds
    {
        private long _first;
    }
}
