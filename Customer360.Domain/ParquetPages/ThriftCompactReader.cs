namespace Customer360.Domain.ParquetPages;

/// <summary>
/// Reads Thrift's compact protocol from a span: just what a Parquet page header needs (structs, integers,
/// booleans), and skips every other field, however nested. Truncated or garbled input is an
/// <see cref="InvalidDataException"/>, never an out-of-range read.
/// </summary>
internal ref struct ThriftCompactReader(ReadOnlySpan<byte> data)
{
    public const byte Stop = 0, BooleanTrue = 1, BooleanFalse = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

    private const int MaxDepth = 32;
    private readonly ReadOnlySpan<byte> _data = data;
    private int _lastFieldId;

    /// <summary>Bytes read so far.</summary>
    public int Position { get; private set; }

    /// <summary>The next field of the current struct: false at its end (STOP). A boolean field's value is in its type (<see cref="BooleanTrue"/> or <see cref="BooleanFalse"/>).</summary>
    public bool NextField(out short id, out byte type)
    {
        byte header = ReadByte();
        type = (byte)(header & 0x0F);
        if (type == Stop)
        {
            id = 0;
            return false;
        }
        int delta = header >> 4;
        id = delta == 0 ? checked((short)ZigZag(ReadVarint())) : (short)(_lastFieldId + delta);
        _lastFieldId = id;
        return true;
    }

    /// <summary>Enters a nested struct: its field ids start again; <see cref="EndStruct"/> restores the outer one's.</summary>
    public int BeginStruct()
    {
        int outer = _lastFieldId;
        _lastFieldId = 0;
        return outer;
    }

    public void EndStruct(int outer) => _lastFieldId = outer;

    public int ReadI32(byte type) => type is I32 or I16 or Byte
        ? type == Byte ? (sbyte)ReadByte() : checked((int)ZigZag(ReadVarint()))
        : throw new InvalidDataException($"Thrift field of type {type} where an integer was expected.");

    public void Skip(byte type) => Skip(type, 0);

    private void Skip(byte type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("Thrift structure nested too deep.");
        }
        switch (type)
        {
            case BooleanTrue or BooleanFalse:
                return;
            case Byte:
                ReadByte();
                return;
            case I16 or I32 or I64:
                ReadVarint();
                return;
            case Double:
                Advance(8);
                return;
            case Binary:
                Advance(checked((int)ReadVarint()));
                return;
            case List or Set:
            {
                byte header = ReadByte();
                long size = header >> 4 == 15 ? (long)ReadVarint() : header >> 4;
                byte element = (byte)(header & 0x0F);
                for (long i = 0; i < size; i++)
                {
                    if (element is BooleanTrue or BooleanFalse)
                    {
                        ReadByte(); // in a list a boolean is a byte
                    }
                    else
                    {
                        Skip(element, depth + 1);
                    }
                }
                return;
            }
            case Map:
            {
                long size = (long)ReadVarint();
                if (size == 0)
                {
                    return;
                }
                byte types = ReadByte();
                for (long i = 0; i < size; i++)
                {
                    Skip((byte)(types >> 4), depth + 1);
                    Skip((byte)(types & 0x0F), depth + 1);
                }
                return;
            }
            case Struct:
            {
                int outer = BeginStruct();
                while (NextField(out _, out byte field))
                {
                    Skip(field, depth + 1);
                }
                EndStruct(outer);
                return;
            }
            default:
                throw new InvalidDataException($"Unknown Thrift type {type}.");
        }
    }

    private byte ReadByte()
    {
        if (Position >= _data.Length)
        {
            throw new InvalidDataException("Thrift data ends early.");
        }
        return _data[Position++];
    }

    private void Advance(int bytes)
    {
        if (bytes < 0 || bytes > _data.Length - Position)
        {
            throw new InvalidDataException("Thrift data ends early.");
        }
        Position += bytes;
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new InvalidDataException("Thrift varint longer than 64 bits.");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
