using System.Buffers.Binary;
using System.IO.Hashing;

namespace Customer360.Domain.Content;

/// <summary>
/// Tells a complete gzip file from a truncated one. A gzip file is one or more members (log shippers
/// append or rotate by concatenating them), each ending with the CRC32 and size mod 2^32 of its own data.
/// zlib already verifies the trailer of every member it finishes (a mismatch is an InvalidDataException),
/// but .NET's GZipStream ends quietly when the input stops in the middle of a member. So, at the end, the
/// file's last 8 bytes must be the trailer of the last member: the last <c>size</c> bytes of the output
/// must have that CRC32. GZipStream never returns bytes of two members from one read, so every member
/// starts where a read started; we keep the running CRC at each read start (16 bytes per read, a few KB
/// for a large file) and derive the last member's CRC from it without holding its data.
/// </summary>
internal sealed class GzipEndCheck
{
    private readonly Crc32 _crc = new();
    private readonly List<(long Offset, uint Crc)> _readStarts = [];
    private long _length;

    /// <summary>Adds the output of one read of the decompressing stream.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }
        _readStarts.Add((_length, _crc.GetCurrentHashAsUInt32()));
        _crc.Append(data);
        _length += data.Length;
    }

    /// <summary>True when <paramref name="tail"/> (the file's last 8 bytes) is the trailer of a member that ends the output.</summary>
    public bool EndsWithCompleteMember(ReadOnlySpan<byte> tail)
    {
        if (tail.Length != 8)
        {
            return false;
        }
        uint expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        uint sizeMod32 = BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
        uint whole = _crc.GetCurrentHashAsUInt32();
        // The size is mod 2^32: a last member of 4 GiB or more starts 2^32·k bytes earlier.
        for (long start = _length - sizeMod32; start >= 0; start -= 1L << 32)
        {
            uint? prefixCrc = start == _length ? whole : CrcAtReadStart(start);
            if (prefixCrc is { } prefix && Crc32Suffix.Of(whole, prefix, _length - start) == expectedCrc)
            {
                return true;
            }
        }
        return false;
    }

    private uint? CrcAtReadStart(long offset)
    {
        int lo = 0, hi = _readStarts.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            long at = _readStarts[mid].Offset;
            if (at == offset)
            {
                return _readStarts[mid].Crc;
            }
            if (at < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return null;
    }
}
