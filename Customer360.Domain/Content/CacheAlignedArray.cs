using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Customer360.Domain.Content;

/// <summary>
/// A fixed-length, zeroed array of small unmanaged structs whose element 0 starts on a 64-byte boundary, so
/// a 64-byte (or 32-byte) element never straddles two cache lines: the content map and reduce touch one
/// line per record instead of two when contracts arrive in random order.
/// </summary>
/// <remarks>
/// The storage is rented from <see cref="ArrayPool{T}.Shared"/> and returned by <see cref="Dispose"/>: a day's
/// tables are tens of MB, and fresh ones cost a page fault per 4 KB (a third of a content map step's time went to
/// faulting in the tables of the day before's size). Large arrays live on the large object heap, which the GC does
/// not compact by default, so the alignment found once holds; were it moved, elements would only straddle lines.
/// An array not disposed is simply collected.
/// </remarks>
internal sealed class CacheAlignedArray<T> : IDisposable
    where T : unmanaged
{
    private const int CacheLine = 64;
    private byte[] _storage;
    private readonly int _offset;

    public CacheAlignedArray(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int bytes = checked((length * Unsafe.SizeOf<T>()) + CacheLine);
        _storage = ArrayPool<byte>.Shared.Rent(bytes);
        // A pooled array holds its last user's bytes.
        _storage.AsSpan(0, bytes).Clear();
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

    /// <summary>Gives the storage back to the pool; the array is empty afterwards.</summary>
    public void Dispose()
    {
        if (Length == 0 && _storage.Length == 0)
        {
            return;
        }
        var storage = _storage;
        _storage = [];
        Length = 0;
        ArrayPool<byte>.Shared.Return(storage);
    }

    private static void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the array.");
}
