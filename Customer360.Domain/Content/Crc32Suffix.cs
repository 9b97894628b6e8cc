namespace Customer360.Domain.Content;

/// <summary>
/// CRC-32 (the gzip polynomial) of the last part of some data, from the CRC of the whole and of the
/// first part: CRC-32 is linear, crc(A‖B) = crc(A)·x^(8|B|) mod P ⊕ crc(B) (zlib's crc32_combine), so
/// crc(B) = crc(A‖B) ⊕ crc(A)·x^(8|B|) mod P. Lets the gzip reader check the last member of a
/// multi-member file without holding its data.
/// </summary>
internal static class Crc32Suffix
{
    private const uint Polynomial = 0xEDB88320; // reflected

    /// <summary>x^(2^k) mod P for k = 0..31 (zlib's x2n_table).</summary>
    private static readonly uint[] PowersOfTwo = BuildPowersOfTwo();

    public static uint Of(uint crcOfWhole, uint crcOfPrefix, long suffixLength) =>
        crcOfWhole ^ MultiplyModP(XToThe8nModP(suffixLength), crcOfPrefix);

    private static uint XToThe8nModP(long n)
    {
        uint product = 1u << 31; // x^0
        int k = 3;               // 8·n = n·2^3
        while (n != 0)
        {
            if ((n & 1) != 0)
            {
                product = MultiplyModP(PowersOfTwo[k & 31], product);
            }
            n >>= 1;
            k++;
        }
        return product;
    }

    private static uint MultiplyModP(uint a, uint b)
    {
        uint m = 1u << 31, product = 0;
        while (true)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0)
                {
                    return product;
                }
            }
            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }
    }

    private static uint[] BuildPowersOfTwo()
    {
        var table = new uint[32];
        uint p = 1u << 30; // x^1
        for (int k = 0; k < table.Length; k++)
        {
            table[k] = p;
            p = MultiplyModP(p, p);
        }
        return table;
    }
}
