using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Customer360.Domain.Content;

/// <summary>
/// A fixed-length, zeroed array of small unmanaged structs whose element 0 starts on a 64-byte boundary, so
/// a 64-byte (or 32-byte) element never straddles two cache lines: the content map and reduce touch one
/// line per record instead of two when contracts arrive in random order.
/// </summary>
/// <remarks>
/// Unpooled, the storage is pinned (allocated on the pinned object heap), so the alignment found once holds for the
/// array's life. Pooled, it is rented from <see cref="TablePool"/> and returned by <see cref="Dispose"/>; it lives on
/// the large object heap, which the GC does not compact by default, so the alignment holds there too (were it moved,
/// elements would only straddle lines, never be wrong).
/// </remarks>
internal sealed class CacheAlignedArray<T> : IDisposable
    where T : unmanaged
{
    private const int CacheLine = 64;
    private byte[] _storage;
    private readonly int _offset;
    private readonly bool _pooled;

    public CacheAlignedArray(int length, bool pooled = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int bytes = checked((length * Unsafe.SizeOf<T>()) + CacheLine);
        _pooled = pooled;
        if (pooled)
        {
            _storage = TablePool.Rent<byte>(bytes);
            // A pooled array holds its last user's bytes.
            _storage.AsSpan(0, bytes).Clear();
        }
        else
        {
            _storage = GC.AllocateArray<byte>(bytes, pinned: true);
        }
        nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref MemoryMarshal.GetArrayDataReference(_storage));
        _offset = (int)((CacheLine - (address % CacheLine)) % CacheLine);
        Length = length;
    }

    public int Length { get; private set; }

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                ThrowIndex(index);
            }
            return ref Unsafe.As<byte, T>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_storage), _offset + (index * Unsafe.SizeOf<T>())));
        }
    }

    public Span<T> AsSpan() => MemoryMarshal.Cast<byte, T>(_storage.AsSpan(_offset, Length * Unsafe.SizeOf<T>()));

    /// <summary>Gives pooled storage back to the pool; the array is empty afterwards.</summary>
    public void Dispose()
    {
        var storage = _storage;
        _storage = [];
        Length = 0;
        if (_pooled && storage.Length > 0)
        {
            TablePool.Return(storage);
        }
    }

    private static void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the array.");
}
