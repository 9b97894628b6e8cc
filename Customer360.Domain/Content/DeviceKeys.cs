using System.Text;

namespace Customer360.Domain.Content;

/// <summary>
/// Normalised device ids as 64-bit keys, so a contract's devices are compared and kept without a string:
/// the usual 12 hex digits (a MAC address: upper-case after normalisation) are packed into 48 bits under a
/// tag bit, and any other id gets a dense id from a <see cref="Utf8KeyTable"/>. Two devices have the same
/// key exactly when their UTF-8 bytes are equal; 0 is never a key (it means "no device").
/// </summary>
internal sealed class DeviceKeys : IDisposable
{
    private const ulong PackedTag = 1UL << 63;
    private const int HexDigits = 12;
    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    private readonly Utf8KeyTable _others = new(64);
    private byte[] _scratch = new byte[256];

    public void Dispose() => _others.Dispose();

    /// <summary>The key of a non-empty normalised device id (as the content parsers give it).</summary>
    public ulong KeyOf(ReadOnlySpan<char> device)
    {
        if (device.Length == HexDigits && TryPack(device, out ulong packed))
        {
            return packed;
        }
        int max = Encoding.UTF8.GetMaxByteCount(device.Length);
        if (_scratch.Length < max)
        {
            _scratch = new byte[Math.Max(max, _scratch.Length * 2)];
        }
        // As BinaryWriter writes strings to a partial (an unpaired surrogate becomes U+FFFD), so a device
        // means the same bytes here as in the reduce.
        int length = Encoding.UTF8.GetBytes(device, _scratch);
        return (ulong)_others.GetOrAdd(_scratch.AsSpan(0, length)) + 1;
    }

    /// <summary>The key of a non-empty device id as a partial stores it (UTF-8).</summary>
    public ulong KeyOf(ReadOnlySpan<byte> device) =>
        device.Length == HexDigits && TryPack(device, out ulong packed) ? packed : (ulong)_others.GetOrAdd(device) + 1;

    /// <summary>The UTF-8 bytes of <paramref name="key"/> (<paramref name="scratch"/> holds a packed one's 12 digits).</summary>
    public ReadOnlySpan<byte> Utf8Of(ulong key, Span<byte> scratch)
    {
        if ((key & PackedTag) == 0)
        {
            return _others.KeyOf((int)(key - 1));
        }
        for (int i = HexDigits - 1; i >= 0; i--)
        {
            scratch[i] = Hex[(int)(key & 0xF)];
            key >>= 4;
        }
        return scratch[..HexDigits];
    }

    public string StringOf(ulong key) => Encoding.UTF8.GetString(Utf8Of(key, stackalloc byte[HexDigits]));

    private static bool TryPack(ReadOnlySpan<char> digits, out ulong packed)
    {
        packed = 0;
        foreach (char c in digits)
        {
            int nibble = Nibble(c);
            if (nibble < 0)
            {
                return false;
            }
            packed = (packed << 4) | (uint)nibble;
        }
        packed |= PackedTag;
        return true;
    }

    private static bool TryPack(ReadOnlySpan<byte> digits, out ulong packed)
    {
        packed = 0;
        foreach (byte c in digits)
        {
            int nibble = Nibble((char)c);
            if (nibble < 0)
            {
                return false;
            }
            packed = (packed << 4) | (uint)nibble;
        }
        packed |= PackedTag;
        return true;
    }

    /// <summary>An upper-case hex digit's value, else -1 (a lower-case digit is another device id).</summary>
    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
