namespace Customer360.Generation;

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
