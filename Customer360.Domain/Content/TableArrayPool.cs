namespace Customer360.Domain.Content;

/// <summary>
/// The storage of the content map and reduce tables (<see cref="CacheAlignedArray{T}"/>), kept between steps up to
/// <see cref="MaxRetainedBytes"/>: a day's contract table and rows are tens of MB at bench scale and ≈ 200 MB at full
/// scale, and fresh ones cost a page fault per 4 KB, which was a third of a content map step. Arrays are pinned (the
/// alignment found once holds) and handed out by exact length, so a kept array is never larger than asked for.
/// </summary>
/// <remarks>
/// Not <see cref="System.Buffers.ArrayPool{T}.Shared"/>: it keeps returned arrays per thread first, and with steps
/// resuming on any pool thread after an await, arrays parked in other threads' slots were never found again: the
/// full-scale content stage peaked at 3,030 MB against 1,701 MB unpooled. Here the bound is on bytes, whatever the
/// threads: a process that ran content steps holds at most this much more than it would without the pool.
/// </remarks>
internal static class TableArrayPool
{
    /// <summary>At most this many bytes kept between steps: one full-scale map step's tables, or both bench-scale steps'.</summary>
    public const long MaxRetainedBytes = 256L << 20;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, Stack<byte[]>> Free = [];
    private static long _retained;

    /// <summary>Bytes kept now (for tests and measurements).</summary>
    public static long RetainedBytes
    {
        get
        {
            lock (Gate)
            {
                return _retained;
            }
        }
    }

    /// <summary>A zeroed, pinned array of exactly <paramref name="length"/> bytes: a kept one, else a new one.</summary>
    public static byte[] Rent(int length)
    {
        byte[]? kept = null;
        lock (Gate)
        {
            if (Free.TryGetValue(length, out var stack) && stack.TryPop(out kept))
            {
                _retained -= length;
            }
        }
        if (kept is null)
        {
            return GC.AllocateArray<byte>(length, pinned: true);
        }
        // A kept array holds its last user's bytes.
        Array.Clear(kept);
        return kept;
    }

    /// <summary>Keeps <paramref name="array"/> for a later <see cref="Rent"/> of its length, unless that would pass <see cref="MaxRetainedBytes"/> (then the GC has it).</summary>
    public static void Return(byte[] array)
    {
        lock (Gate)
        {
            if (_retained + array.Length > MaxRetainedBytes)
            {
                return;
            }
            if (!Free.TryGetValue(array.Length, out var stack))
            {
                Free[array.Length] = stack = new Stack<byte[]>();
            }
            stack.Push(array);
            _retained += array.Length;
        }
    }
}
