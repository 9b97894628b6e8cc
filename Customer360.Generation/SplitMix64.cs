namespace Customer360.Generation;

/// <summary>
/// A tiny deterministic PRNG (SplitMix64). Seeded per (seed, contract) or (seed, day), so any day can be
/// generated on its own thread and the dataset is identical for a seed whatever the parallelism.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public static SplitMix64 For(int seed, long stream, long item) =>
        new(Mix(unchecked(((ulong)(uint)seed << 32) ^ Mix((ulong)stream) ^ Mix(Mix((ulong)item)))));

    public ulong Next()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An int in [0, max).</summary>
    public int NextInt(int max) => (int)(NextDouble() * max);

    /// <summary>A standard normal sample (Box–Muller).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
