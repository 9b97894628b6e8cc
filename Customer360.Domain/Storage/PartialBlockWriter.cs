using Customer360.Domain.Content;
using System.Buffers.Binary;
using System.Text;

namespace Customer360.Domain.Storage;

/// <summary>
/// Builds one shard of a partial in a pooled buffer, then writes it to its stream in one sequential block.
/// The bytes are exactly what <see cref="BinaryWriter"/> writes for the same values (little-endian integers,
/// 7-bit varints, 7-bit length-prefixed UTF-8), so <see cref="PartialCursor"/> reads either.
/// </summary>
internal sealed class PartialBlockWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public PartialBlockWriter(int expectedBytes) => _buffer = TablePool.Rent<byte>(Math.Max(256, expectedBytes));

    /// <summary>Makes room for <paramref name="bytes"/> more bytes; the unchecked writes below rely on it.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Ensure(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            var bigger = TablePool.Rent<byte>(Math.Max(_buffer.Length * 2, _length + bytes));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            TablePool.Return(_buffer);
            _buffer = bigger;
        }
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>Unchecked: after <see cref="Ensure"/>.</summary>
    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>Bytes as they are (already in the partial's format).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>As <see cref="BinaryWriter.Write(string)"/> of UTF-8 already encoded: the byte count as a 7-bit varint, then the bytes. Unchecked: after <see cref="Ensure"/>.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Write7Bit((uint)bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>As <see cref="BinaryWriter.Write(string)"/>: 7-bit UTF-8 byte count, then the UTF-8.</summary>
    public void WriteString(string value)
    {
        int bytes = Encoding.UTF8.GetByteCount(value);
        Ensure(bytes + 5);
        Write7Bit((uint)bytes);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    /// <summary>As <see cref="BinaryWriter.Write7BitEncodedInt64"/> (and, for values below 2^31, Write7BitEncodedInt). Unchecked: after <see cref="Ensure"/> (10 bytes at most).</summary>
    public void Write7Bit(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    public void CopyTo(Stream stream) => stream.Write(_buffer, 0, _length);

    public void Dispose()
    {
        TablePool.Return(_buffer);
        _buffer = [];
    }
}
