using System.Buffers;
using System.Buffers.Binary;

namespace Customer360.Domain.Content;

/// <summary>
/// Builds one shard of a content partial (<see cref="ContentPartialFormat"/>) in memory, then writes it to
/// its stream in one sequential block. The bytes are exactly what <see cref="BinaryWriter"/> wrote for the
/// same content (little-endian integers, 7-bit varints, 7-bit length-prefixed UTF-8), so partials of either
/// writer read the same.
/// </summary>
internal sealed class ContentPartialWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public ContentPartialWriter(int month, int count, int expectedBytes)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(256, expectedBytes));
        WriteInt32(ContentPartialFormat.Magic);
        WriteByte(ContentPartialFormat.Version);
        WriteInt32(month);
        WriteInt32(count);
    }

    /// <summary>One contract's aggregate; its <paramref name="devices"/> devices follow (<see cref="WriteDevice"/>).</summary>
    public void WriteContract(ReadOnlySpan<byte> contract, ReadOnlySpan<long> seconds, uint dayMask, int devices)
    {
        Ensure(contract.Length + (11 * seconds.Length) + 20);
        WriteBytes(contract);
        foreach (long value in seconds)
        {
            Write7Bit((ulong)value);
        }
        WriteUInt32(dayMask);
        Write7Bit((uint)devices);
    }

    public void WriteDevice(ReadOnlySpan<byte> device)
    {
        Ensure(device.Length + 5);
        WriteBytes(device);
    }

    public void CopyTo(Stream stream) => stream.Write(_buffer, 0, _length);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    private void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>As <see cref="BinaryWriter.Write(string)"/>: the byte count as a 7-bit varint, then the bytes.</summary>
    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Write7Bit((uint)bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>As <see cref="BinaryWriter.Write7BitEncodedInt64"/> (and, for values below 2^31, Write7BitEncodedInt).</summary>
    private void Write7Bit(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }
}
