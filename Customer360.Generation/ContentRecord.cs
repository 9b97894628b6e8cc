namespace Customer360.Generation;

/// <summary>One record of a content day (<see cref="ContentLogGenerator"/>), small enough that a whole day fits in memory at full scale (≈1.7M × 24 bytes).</summary>
internal struct ContentRecord
{
    public int Contract;
    public int Duration;
    public ulong Mac;
    public byte App;
    public byte Order;
}
