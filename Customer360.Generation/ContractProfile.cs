namespace Customer360.Generation;

/// <summary>A contract's stable traits: how often it watches, its devices, its taste.</summary>
internal sealed class ContractProfile
{
    public required double ActiveShare { get; init; }
    public required ulong[] Macs { get; init; }
    public required double[] AppCumulative { get; init; }

    public static ContractProfile For(int seed, int contract)
    {
        var rng = SplitMix64.For(seed, -1, contract);
        // ≈72% of contracts are heavy viewers (active on most days), the rest occasional.
        double share = rng.NextDouble() < 0.71 ? 0.55 + (0.45 * rng.NextDouble()) : 0.04 + (0.40 * rng.NextDouble());
        int devices = 1 + (rng.NextDouble() < 0.35 ? 1 : 0) + (rng.NextDouble() < 0.12 ? 1 : 0);
        var macs = new ulong[devices];
        for (int d = 0; d < devices; d++)
        {
            ulong hex = rng.Next() & 0xFFFF_FFFF_FFFFUL;
            // A few devices are logged in other spellings, to exercise normalisation.
            macs[d] = rng.NextDouble() < 0.05 ? hex | (1UL << 63) : hex;
        }
        // Personal taste: each app's global weight scaled by a Zipf-like personal factor.
        var weights = new double[ContentLogGenerator.Apps.Length];
        for (int a = 0; a < ContentLogGenerator.Apps.Length; a++)
        {
            weights[a] = ContentLogGenerator.Apps[a].Weight / (1 + rng.NextInt(ContentLogGenerator.Apps.Length));
        }
        double total = weights.Sum(), running = 0;
        var cumulative = new double[ContentLogGenerator.Apps.Length];
        for (int a = 0; a < ContentLogGenerator.Apps.Length; a++)
        {
            running += weights[a] / total;
            cumulative[a] = running;
        }
        return new ContractProfile { ActiveShare = share, Macs = macs, AppCumulative = cumulative };
    }

    /// <summary>An index into <see cref="ContentLogGenerator.Apps"/>.</summary>
    public int PickApp(ref SplitMix64 rng)
    {
        double x = rng.NextDouble();
        for (int a = 0; a < AppCumulative.Length; a++)
        {
            if (x < AppCumulative[a])
            {
                return a;
            }
        }
        return ContentLogGenerator.Apps.Length - 1;
    }
}
