using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Customer360.Domain.Content;

/// <summary>
/// A fixed-length, zeroed array of small unmanaged structs whose element 0 starts on a 64-byte boundary, so
/// a 64-byte (or 32-byte) element never straddles two cache lines: the content map and reduce touch one
/// line per record instead of two when contracts arrive in random order. The storage is pinned (allocated
/// on the pinned object heap), so the alignment found once holds for the array's life.
/// </summary>
internal sealed class CacheAlignedArray<T>
    where T : unmanaged
{
    private const int CacheLine = 64;
    private readonly byte[] _storage;
    private readonly int _offset;

    public CacheAlignedArray(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _storage = GC.AllocateArray<byte>(checked((length * Unsafe.SizeOf<T>()) + CacheLine), pinned: true);
        // The address is stable because the array is pinned; the offset moves element 0 to the next line.
        nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref MemoryMarshal.GetArrayDataReference(_storage));
        _offset = (int)((CacheLine - (address % CacheLine)) % CacheLine);
        Length = length;
    }

    public int Length { get; }

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

    private static void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the array.");
}
