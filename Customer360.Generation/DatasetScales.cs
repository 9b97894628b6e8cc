namespace Customer360.Generation;

/// <summary>How many contracts and search users each <see cref="DatasetScale"/> generates.</summary>
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
