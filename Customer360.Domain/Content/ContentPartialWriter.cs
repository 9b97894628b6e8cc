using Customer360.Domain.Sharding;
using Customer360.Domain.Storage;

namespace Customer360.Domain.Content;

/// <summary>
/// Builds one shard of a content partial (<see cref="ContentPartialFormat"/>) in memory, its contracts in
/// <see cref="ShardHash.Hash"/> order whatever order they are written in (the reduce keys its table by the
/// hash's top bits, so a partial in hash order walks that table front to back), then writes it to its
/// stream in one sequential block (<see cref="PartialBlockWriter"/>: the bytes <see cref="BinaryWriter"/>
/// wrote for the same content, so partials of either writer read the same).
/// </summary>
/// <remarks>
/// Contracts are encoded as they come into <see cref="Groups"/> groups by the hash's top bits, and each
/// group is put in hash order only when written out: a group is a few tens of KB, so the reordering copy
/// stays in the cache, while the caller reads its rows front to back.
/// </remarks>
internal sealed class ContentPartialWriter : IDisposable
{
    private const int GroupBits = 6;

    /// <summary>Groups per shard (at full scale ≈2,300 contracts, ≈90 KB each).</summary>
    public const int Groups = 1 << GroupBits;

    private const int BytesPerContract = 40;
    private readonly int _month;
    private readonly int _count;
    private readonly Group[] _groups;
    private Group _current;

    /// <param name="groupCounts">The contracts each group will get (<see cref="Groups"/> counts, by <see cref="GroupOf"/>).</param>
    public ContentPartialWriter(int month, ReadOnlySpan<int> groupCounts)
    {
        _month = month;
        _groups = new Group[Groups];
        for (int g = 0; g < Groups; g++)
        {
            _groups[g] = new Group(groupCounts[g]);
            _count += groupCounts[g];
        }
        _current = _groups[0];
    }

    /// <summary>The group of a contract whose <see cref="ShardHash.Hash"/> is <paramref name="hash"/>: its top bits.</summary>
    public static int GroupOf(ulong hash) => (int)(hash >> (64 - GroupBits));

    /// <summary>One contract's aggregate; its <paramref name="devices"/> devices follow (<see cref="WriteDevice"/>).</summary>
    public void WriteContract(ulong hash, ReadOnlySpan<byte> contract, ReadOnlySpan<long> seconds, uint dayMask, int devices)
    {
        _current = _groups[GroupOf(hash)];
        var bytes = _current.Start(hash);
        bytes.Ensure(contract.Length + (11 * seconds.Length) + 20);
        bytes.WriteBytes(contract);
        foreach (long value in seconds)
        {
            bytes.Write7Bit((ulong)value);
        }
        bytes.WriteUInt32(dayMask);
        bytes.Write7Bit((uint)devices);
    }

    public void WriteDevice(ReadOnlySpan<byte> device)
    {
        _current.Bytes.Ensure(device.Length + 5);
        _current.Bytes.WriteBytes(device);
    }

    public void CopyTo(Stream stream)
    {
        int total = 13;
        foreach (var group in _groups)
        {
            if (group.Written != group.Expected)
            {
                throw new InvalidOperationException($"A group of the partial got {group.Written} contracts, not the {group.Expected} it was sized for.");
            }
            total += group.Bytes.Length;
        }
        using var output = new PartialBlockWriter(total);
        output.WriteInt32(ContentPartialFormat.Magic);
        output.WriteByte(ContentPartialFormat.Version);
        output.WriteInt32(_month);
        output.WriteInt32(_count);
        foreach (var group in _groups)
        {
            group.WriteInHashOrder(output);
        }
        output.CopyTo(stream);
    }

    public void Dispose()
    {
        foreach (var group in _groups)
        {
            group.Bytes.Dispose();
        }
    }

    /// <summary>One group's encoded contracts in the order written, and each one's hash and place.</summary>
    private sealed class Group(int expected)
    {
        private readonly ulong[] _hashes = new ulong[expected];
        private readonly long[] _places = new long[expected]; // start << 32 | length

        public PartialBlockWriter Bytes { get; } = new(expected * BytesPerContract);

        public int Expected => expected;

        public int Written { get; private set; }

        /// <summary>Ends the previous contract's record and starts one for a contract of this hash.</summary>
        public PartialBlockWriter Start(ulong hash)
        {
            EndRecord();
            _hashes[Written] = hash;
            _places[Written] = (long)Bytes.Length << 32;
            Written++;
            return Bytes;
        }

        public void WriteInHashOrder(PartialBlockWriter output)
        {
            EndRecord();
            _hashes.AsSpan(0, Written).Sort(_places.AsSpan(0, Written));
            var bytes = Bytes.Written;
            foreach (long place in _places.AsSpan(0, Written))
            {
                output.WriteRaw(bytes.Slice((int)(place >> 32), (int)place));
            }
        }

        private void EndRecord()
        {
            if (Written > 0)
            {
                ref long last = ref _places[Written - 1];
                int start = (int)(last >> 32);
                last = ((long)start << 32) | (uint)(Bytes.Length - start);
            }
        }
    }
}
