namespace Customer360.Generation;

/// <summary>How <see cref="ContentLogGenerator"/> orders a day's lines.</summary>
public enum ContentLineOrder
{
    /// <summary>In time order, contracts interleaved, the way an Elasticsearch export comes (the default).</summary>
    Time,

    /// <summary>Each contract's lines together, contract after contract: kinder to a hash map than real logs; kept for comparison.</summary>
    Contract,
}
