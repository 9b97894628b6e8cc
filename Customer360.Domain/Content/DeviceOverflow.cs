namespace Customer360.Domain.Content;

/// <summary>The devices of <see cref="ContractTotals"/> past its first two, one list per such contract (rare).</summary>
internal sealed class DeviceOverflow
{
    private readonly List<List<ulong>> _lists = [];

    public List<ulong> this[int index] => _lists[index];

    /// <summary>A new list holding <paramref name="key"/>; returns 1 + its index (what <see cref="ContractTotals.MoreDevices"/> keeps).</summary>
    public int Add(ulong key)
    {
        _lists.Add([key]);
        return _lists.Count;
    }
}
