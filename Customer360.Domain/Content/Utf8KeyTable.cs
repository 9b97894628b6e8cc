using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using Customer360.Domain.Sharding;

namespace Customer360.Domain.Content;

/// <summary>
/// UTF-8 keys (contracts, devices, the search reduce's users) → dense ids in first-seen order, straight from the bytes: no string per
/// key. Open addressing with linear probing over 32-byte slots that hold the key's <see cref="ShardHash.Hash"/>
/// and, for keys of up to <see cref="InlineKeyBytes"/> bytes (every real contract), the key itself, so a
/// lookup touches one cache line of the table; longer keys are compared against the key arena. Each key is
/// hashed once, and its hash kept, so its shard costs nothing more. Keys are compared byte for byte: two
/// keys share an id exactly when their bytes are equal.
/// </summary>
/// <remarks>
/// A pooled table rents its arrays from <see cref="TablePool"/> and gives them back on <see cref="Dispose"/>: the map and
/// reduce steps' tables.
/// </remarks>
internal sealed class Utf8KeyTable : IDisposable
{
    public const int InlineKeyBytes = 16;

    private CacheAlignedArray<Slot> _slots;
    private int _shift;
    private byte[] _keys;
    private int[] _ends;
    private ulong[] _hashes;
    private int _keyBytes;
    private readonly bool _pooled;

    /// <param name="expectedKeys">Sized for this many keys from the start (it grows past them): each rehash reads the whole table.</param>
    /// <param name="pooled">Arrays from <see cref="TablePool"/>, given back on <see cref="Dispose"/>.</param>
    public Utf8KeyTable(int expectedKeys = 1024, bool pooled = false)
    {
        _pooled = pooled;
        expectedKeys = Math.Max(16, expectedKeys);
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)expectedKeys * 2);
        _slots = new CacheAlignedArray<Slot>(capacity, pooled);
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _ends = pooled ? TablePool.Rent<int>(expectedKeys) : new int[expectedKeys];
        _hashes = pooled ? TablePool.Rent<ulong>(expectedKeys) : new ulong[expectedKeys];
        _keys = pooled ? TablePool.Rent<byte>(expectedKeys * 4) : new byte[expectedKeys * 4];
    }

    public int Count { get; private set; }

    /// <summary>The id of <paramref name="key"/>, added (with the next id) when new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> key) => GetOrAdd(key, ShardHash.Hash(key));

    /// <summary>
    /// Reads the slot where a key of this hash starts its probe and returns a value of it, so a caller
    /// working through a batch of keys can start every slot's cache miss before it needs any of them.
    /// </summary>
    public int Touch(ulong hash) => _slots[(int)(hash >> _shift)].IdPlusOne;

    /// <summary>As <see cref="GetOrAdd(ReadOnlySpan{byte})"/>, with the key's <see cref="ShardHash.Hash"/> already computed.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> key, ulong hash)
    {
        ref var slot = ref Probe(key, hash);
        return slot.IdPlusOne != 0 ? slot.IdPlusOne - 1 : Add(key, hash, ref slot);
    }

    /// <summary>The id of <paramref name="key"/> (with its <see cref="ShardHash.Hash"/>), or -1 when it was never added.</summary>
    public int Find(ReadOnlySpan<byte> key, ulong hash) => Probe(key, hash).IdPlusOne - 1;

    /// <summary>The key's slot, or the empty slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Slot Probe(ReadOnlySpan<byte> key, ulong hash)
    {
        Debug.Assert(hash == ShardHash.Hash(key), "The hash of another key.");
        // The top bits pick the slot: the low bits are the shard, the same for every key of a reduce.
        int mask = _slots.Length - 1;
        int index = (int)(hash >> _shift);
        while (true)
        {
            ref var slot = ref _slots[index];
            if (slot.IdPlusOne == 0 || (slot.Hash == hash && slot.Length == key.Length && KeyEquals(ref slot, key)))
            {
                return ref slot;
            }
            index = (index + 1) & mask;
        }
    }

    /// <summary>The bytes of the key with id <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> KeyOf(int id)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)id, (uint)Count, nameof(id));
        int start = id == 0 ? 0 : _ends[id - 1];
        return _keys.AsSpan(start, _ends[id] - start);
    }

    /// <summary>The <see cref="ShardHash.Hash"/> of the key with id <paramref name="id"/>.</summary>
    public ulong HashOf(int id)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)id, (uint)Count, nameof(id));
        return _hashes[id];
    }

    private bool KeyEquals(ref Slot slot, ReadOnlySpan<byte> key) =>
        key.Length <= InlineKeyBytes
            ? key.SequenceEqual(((ReadOnlySpan<byte>)slot.Key)[..key.Length])
            : key.SequenceEqual(KeyOf(slot.IdPlusOne - 1));

    private int Add(ReadOnlySpan<byte> key, ulong hash, ref Slot slot)
    {
        int id = Count;
        if (id == _ends.Length || id == _hashes.Length)
        {
            Grow(ref _ends, id, id * 2);
            Grow(ref _hashes, id, id * 2);
        }
        if (_keyBytes + key.Length > _keys.Length)
        {
            Grow(ref _keys, _keyBytes, Math.Max(_keys.Length * 2, _keyBytes + key.Length));
        }
        key.CopyTo(_keys.AsSpan(_keyBytes));
        _keyBytes += key.Length;
        _ends[id] = _keyBytes;
        _hashes[id] = hash;
        Count = id + 1;

        slot.Hash = hash;
        slot.Length = key.Length;
        slot.IdPlusOne = id + 1;
        if (key.Length <= InlineKeyBytes)
        {
            key.CopyTo(slot.Key);
        }
        // At most half full: probes stay short.
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }
        return id;
    }

    private void Grow<T>(ref T[] array, int used, int length)
    {
        var bigger = _pooled ? TablePool.Rent<T>(length) : new T[length];
        array.AsSpan(0, used).CopyTo(bigger);
        if (_pooled)
        {
            TablePool.Return(array);
        }
        array = bigger;
    }

    /// <summary>Gives the table's arrays back to the pools; the table must not be used afterwards.</summary>
    public void Dispose()
    {
        _slots.Dispose();
        if (_pooled && _ends.Length > 0)
        {
            TablePool.Return(_ends);
            TablePool.Return(_hashes);
            TablePool.Return(_keys);
            _ends = [];
            _hashes = [];
            _keys = [];
        }
    }

    private void Rehash()
    {
        using var old = _slots;
        _slots = new CacheAlignedArray<Slot>(old.Length * 2, _pooled);
        _shift--;
        int mask = _slots.Length - 1;
        foreach (ref readonly var slot in old.AsSpan())
        {
            if (slot.IdPlusOne == 0)
            {
                continue;
            }
            int index = (int)(slot.Hash >> _shift);
            while (_slots[index].IdPlusOne != 0)
            {
                index = (index + 1) & mask;
            }
            _slots[index] = slot;
        }
    }

    /// <summary>One table entry, 32 bytes (two per cache line).</summary>
    private struct Slot
    {
        public ulong Hash;
        public int IdPlusOne;
        public int Length;
        public InlineKey Key;
    }

    [InlineArray(InlineKeyBytes)]
    private struct InlineKey
    {
        private byte _first;
    }
}
