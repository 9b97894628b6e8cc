namespace Customer360.Domain.ParquetPages;

/// <summary>
/// Parquet's RLE / bit-packing hybrid (definition levels, dictionary indices): runs of one repeated value and
/// groups of eight bit-packed values, each behind a varint header. Decodes exactly <c>values.Length</c> values
/// or throws <see cref="InvalidDataException"/>.
/// </summary>
internal static class RleBitPackedHybrid
{
    public static void Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> values)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new InvalidDataException($"Bit width {bitWidth} outside 0–32.");
        }
        int byteWidth = (bitWidth + 7) / 8;
        int position = 0, filled = 0;
        while (filled < values.Length)
        {
            long header = ReadVarint(data, ref position);
            if ((header & 1) == 0)
            {
                long run = header >> 1;
                if (position > data.Length - byteWidth)
                {
                    throw new InvalidDataException("An RLE run ends early.");
                }
                int value = 0;
                for (int b = 0; b < byteWidth; b++)
                {
                    value |= data[position + b] << (8 * b);
                }
                position += byteWidth;
                int count = (int)Math.Min(run, values.Length - filled);
                values.Slice(filled, count).Fill(value);
                filled += count;
            }
            else
            {
                long groups = header >> 1;
                long bytes = groups > int.MaxValue ? long.MaxValue : groups * bitWidth; // eight values of bitWidth bits per group
                if (bytes > data.Length - position)
                {
                    // A writer may end the last group short of its padding; take what is there.
                    bytes = data.Length - position;
                }
                var packed = data.Slice(position, (int)bytes);
                position += (int)bytes;
                long available = bitWidth == 0 ? groups * 8 : bytes * 8 / bitWidth;
                int count = (int)Math.Min(Math.Min(groups * 8, available), values.Length - filled);
                if (count == 0 && groups > 0)
                {
                    throw new InvalidDataException("A bit-packed run ends early.");
                }
                Unpack(packed, bitWidth, values.Slice(filled, count));
                filled += count;
            }
        }
    }

    private static void Unpack(ReadOnlySpan<byte> packed, int bitWidth, Span<int> values)
    {
        if (bitWidth == 0)
        {
            values.Clear();
            return;
        }
        ulong mask = (1UL << bitWidth) - 1;
        long bit = 0;
        for (int i = 0; i < values.Length; i++, bit += bitWidth)
        {
            int first = (int)(bit >> 3);
            int shift = (int)(bit & 7);
            // Up to 32 bits starting anywhere in a byte span at most five bytes.
            ulong word = 0;
            int last = Math.Min(packed.Length, first + 5);
            for (int b = first; b < last; b++)
            {
                word |= (ulong)packed[b] << (8 * (b - first));
            }
            values[i] = (int)((word >> shift) & mask);
        }
    }

    private static long ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("RLE / bit-packed data ends early.");
            }
            byte b = data[position++];
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new InvalidDataException("Varint longer than 64 bits.");
    }
}
