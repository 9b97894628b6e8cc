using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Customer360.Domain.Sharding;

/// <summary>
/// The stable key → shard function: XxHash3 of the key's UTF-8 bytes. Never <c>string.GetHashCode</c>,
/// which is randomised per process and would scatter a key across shards between map steps.
/// </summary>
public static class ShardHash
{
    public static int ShardOf(ReadOnlySpan<char> key, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        int max = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        Span<byte> bytes = max <= 512 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int length = Encoding.UTF8.GetBytes(key, bytes);
            return ShardOf(Hash(bytes[..length]), shardCount);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The hash of a key's UTF-8 bytes, for callers that keep it (the content map hashes each contract once).</summary>
    public static ulong Hash(ReadOnlySpan<byte> utf8Key) => XxHash3.HashToUInt64(utf8Key);

    /// <summary>The shard of a key whose <see cref="Hash"/> is <paramref name="hash"/>: the same as <see cref="ShardOf(ReadOnlySpan{char}, int)"/> of that key.</summary>
    public static int ShardOf(ulong hash, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        return (int)(hash % (ulong)shardCount);
    }
}
