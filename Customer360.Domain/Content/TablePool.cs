using System.Runtime.CompilerServices;

namespace Customer360.Domain.Content;

/// <summary>
/// The map and reduce steps' large tables and buffers (hash tables, entry arrays, decoded column chunks, whole
/// partials being read or written: MBs to tens of MB per step), kept between steps so the next one reuses memory
/// the process already has: a fresh table costs a page fault per 4 KB touched (about 13 µs each on this project's
/// VMs), most of a search map step's time and a third of a content map step's. Unlike
/// <see cref="System.Buffers.ArrayPool{T}.Shared"/> (per-thread and per-core slots, trimmed only by a full collection
/// under memory pressure), what it keeps is bounded, <see cref="MaxKeptBytes"/> in all, and can be let go:
/// <see cref="Release"/>, before a step that holds a lot of live data (the loads), hands everything back to the GC.
/// </summary>
internal static class TablePool
{
    /// <summary>
    /// The most kept at once: about what two full-scale content map steps at once use (their contract tables and
    /// row chunks); a step's arrays past it are left to the GC.
    /// </summary>
    public const long MaxKeptBytes = 512L << 20;

    private static readonly Lock Gate = new();
    private static readonly List<Action> Clears = [];
    private static long _keptBytes;

    /// <summary>Bytes kept now (for tests).</summary>
    public static long KeptBytes
    {
        get
        {
            lock (Gate)
            {
                return _keptBytes;
            }
        }
    }

    /// <summary>Drops every kept array and collects them, so a step about to hold much live data starts from a small heap.</summary>
    public static void Release()
    {
        lock (Gate)
        {
            foreach (var clear in Clears)
            {
                clear();
            }
            _keptBytes = 0;
        }
        // Aggressive: the freed memory goes back to the OS now, so the load grows from a small footprint (the
        // load-search peaks of a forced, not aggressive, collection were a little higher: BENCHMARKS.md).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>An array of at least <paramref name="minimumLength"/> elements (a power of two), with whatever its last user left in it.</summary>
    public static T[] Rent<T>(int minimumLength) => Pool<T>.Rent(minimumLength);

    /// <summary>Gives an array from <see cref="Rent{T}"/> back; the caller must not use it afterwards.</summary>
    public static void Return<T>(T[] array) => Pool<T>.Return(array);

    private static class Pool<T>
    {
        // By log2 of the length.
        private static readonly Stack<T[]>[] Kept = CreateBuckets();

        private static Stack<T[]>[] CreateBuckets()
        {
            var buckets = new Stack<T[]>[31];
            for (int i = 0; i < buckets.Length; i++)
            {
                buckets[i] = new Stack<T[]>();
            }
            lock (Gate)
            {
                Clears.Add(() =>
                {
                    foreach (var bucket in buckets)
                    {
                        bucket.Clear();
                    }
                });
            }
            return buckets;
        }

        public static T[] Rent(int minimumLength)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(minimumLength);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumLength, 1 << 30);
            int bucket = BucketOf(Math.Max(minimumLength, 16));
            lock (Gate)
            {
                if (Kept[bucket].TryPop(out var kept))
                {
                    _keptBytes -= BytesOf(kept);
                    return kept;
                }
            }
            return GC.AllocateUninitializedArray<T>(1 << bucket);
        }

        public static void Return(T[] array)
        {
            if (array.Length == 0 || !int.IsPow2(array.Length))
            {
                return; // not one of ours (an empty placeholder)
            }
            lock (Gate)
            {
                if (_keptBytes + BytesOf(array) <= MaxKeptBytes)
                {
                    Kept[BucketOf(array.Length)].Push(array);
                    _keptBytes += BytesOf(array);
                }
            }
        }

        private static long BytesOf(T[] array) => (long)array.Length * Unsafe.SizeOf<T>();

        private static int BucketOf(int length) => 32 - int.LeadingZeroCount(length - 1);
    }
}
