namespace Customer360.Domain.Generation;

/// <summary>Dataset sizes for <c>generate</c>.</summary>
public enum DatasetScale
{
    /// <summary>A few thousand contracts: seconds to generate, for the demo and tests.</summary>
    Small,

    /// <summary>The benchmark month: 30 days × ≈400k lines.</summary>
    Bench,

    /// <summary>The original system's scale: ≈1.92M contracts.</summary>
    Full,
}

public static class DatasetScales
{
    /// <summary>Contracts in the content month for a scale.</summary>
    public static int Contracts(DatasetScale scale) => scale switch
    {
        DatasetScale.Small => 3_000,
        DatasetScale.Bench => 450_000,
        DatasetScale.Full => 1_920_000,
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    /// <summary>Users in the two search months for a scale (≈5 searches per user per month).</summary>
    public static int SearchUsers(DatasetScale scale) => scale switch
    {
        DatasetScale.Small => 2_000,
        DatasetScale.Bench => 400_000,
        DatasetScale.Full => 1_920_000,
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };
}
