namespace Customer360.Domain.Content;

/// <summary>Watch-time arithmetic. Sums saturate at Int64.MaxValue instead of wrapping or crashing the run.</summary>
public static class WatchSeconds
{
    public static long Add(long a, long b)
    {
        long sum = unchecked(a + b);
        // Both operands are positive, so overflow shows as a negative sum.
        return sum < 0 ? long.MaxValue : sum;
    }
}
