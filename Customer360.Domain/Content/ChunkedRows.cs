namespace Customer360.Domain.Content;

/// <summary>
/// A growing array of <see cref="ContractTotals"/> by dense id, in cache-aligned chunks of
/// <see cref="ChunkRows"/>: growing allocates one more chunk and copies nothing, so a day's totals cost
/// their own size in fresh pages instead of the sum of every doubling (page faults were a third of the
/// map's aggregation time with a doubling array).
/// </summary>
internal sealed class ChunkedRows : IDisposable
{
    private const int ChunkBits = 14;
    public const int ChunkRows = 1 << ChunkBits; // 1 MiB of 64-byte rows
    private CacheAlignedArray<ContractTotals>[] _chunks = [];
    private int _chunkCount;

    /// <summary>The row of <paramref name="id"/>; ids must be asked for in order (0, 1, 2, ...) the first time, as dense ids come.</summary>
    public ref ContractTotals this[int id]
    {
        get
        {
            int chunk = id >> ChunkBits;
            if (chunk >= _chunkCount)
            {
                AddChunk(chunk);
            }
            return ref _chunks[chunk][id & (ChunkRows - 1)];
        }
    }

    /// <summary>Gives every chunk back to the pool (<see cref="CacheAlignedArray{T}.Dispose"/>).</summary>
    public void Dispose()
    {
        for (int i = 0; i < _chunkCount; i++)
        {
            _chunks[i].Dispose();
        }
        _chunks = [];
        _chunkCount = 0;
    }

    private void AddChunk(int chunk)
    {
        if (chunk != _chunkCount)
        {
            throw new ArgumentOutOfRangeException(nameof(chunk), chunk, "Rows are added in id order.");
        }
        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2));
        }
        _chunks[_chunkCount++] = new CacheAlignedArray<ContractTotals>(ChunkRows, pooled: true);
    }
}
