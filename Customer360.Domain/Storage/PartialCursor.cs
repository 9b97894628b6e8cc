using Customer360.Domain.Content;
using System.Buffers.Binary;
using System.Text;

namespace Customer360.Domain.Storage;

/// <summary>
/// Reads what <see cref="BinaryWriter"/> wrote (little-endian integers, 7-bit varints, length-prefixed UTF-8)
/// from a span held in memory: no virtual call per byte, strings decoded straight from the span. A
/// truncated or garbled partial is an <see cref="InvalidDataException"/>.
/// </summary>
public ref struct PartialCursor(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>The whole of <paramref name="stream"/> in a rented buffer (return it to <see cref="TablePool"/>: a reduce reads many of MBs each).</summary>
    public static byte[] ReadAll(Stream stream, out int length)
    {
        var buffer = TablePool.Rent<byte>(stream.CanSeek ? (int)Math.Max(16, stream.Length - stream.Position) : 1 << 16);
        length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var bigger = TablePool.Rent<byte>(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                TablePool.Return(buffer);
                buffer = bigger;
            }
            int n = stream.Read(buffer, length, buffer.Length - length);
            if (n == 0)
            {
                return buffer;
            }
            length += n;
        }
    }

    public byte ReadByte() => _position < _data.Length ? _data[_position++] : throw Truncated();

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>As <see cref="BinaryReader.Read7BitEncodedInt"/>: at most 5 bytes.</summary>
    public int Read7BitEncodedInt()
    {
        uint result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 28 && b > 0b1111)
            {
                break;
            }
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (int)result;
            }
        }
        throw new InvalidDataException("A bad 7-bit encoded Int32 in a partial.");
    }

    /// <summary>As <see cref="BinaryReader.Read7BitEncodedInt64"/>: at most 10 bytes.</summary>
    public long Read7BitEncodedInt64()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 63 && b > 0b1)
            {
                break;
            }
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (long)result;
            }
        }
        throw new InvalidDataException("A bad 7-bit encoded Int64 in a partial.");
    }

    /// <summary>A string written by <see cref="BinaryWriter.Write(string)"/>, decoded into <paramref name="chars"/> (grown as needed).</summary>
    public ReadOnlySpan<char> ReadChars(ref char[] chars)
    {
        int length = Read7BitEncodedInt();
        if (length < 0)
        {
            throw new InvalidDataException("Negative string length in a partial.");
        }
        var bytes = Take(length);
        if (chars.Length < length)
        {
            chars = new char[Math.Max(length, chars.Length * 2)];
        }
        return chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
    }

    /// <summary>The raw bytes of a string written by <see cref="BinaryWriter.Write(string)"/> (its UTF-8), not decoded.</summary>
    public ReadOnlySpan<byte> ReadUtf8()
    {
        int length = Read7BitEncodedInt();
        return length >= 0 ? Take(length) : throw new InvalidDataException("Negative string length in a partial.");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Truncated();
        }
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    private static InvalidDataException Truncated() => new("A partial ends before its data does (truncated).");
}
