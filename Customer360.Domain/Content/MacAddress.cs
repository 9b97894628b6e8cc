namespace Customer360.Domain.Content;

/// <summary>Device id normalisation (DESIGN §4): trim, drop <c>: - , .</c> and spaces, upper-case (invariant).</summary>
public static class MacAddress
{
    /// <summary>Normalises <paramref name="mac"/> in place and returns the new length (0 = no device).</summary>
    public static int Normalize(Span<char> mac)
    {
        var trimmed = ((ReadOnlySpan<char>)mac).Trim();
        int start = mac.Length - ((ReadOnlySpan<char>)mac).TrimStart().Length;
        int length = 0;
        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = mac[start + i];
            if (c is ':' or '-' or ',' or '.' or ' ')
            {
                continue;
            }
            mac[length++] = char.ToUpperInvariant(c);
        }
        return length;
    }

    public static string Normalize(string mac)
    {
        var buffer = mac.ToCharArray();
        return new string(buffer, 0, Normalize(buffer));
    }
}
