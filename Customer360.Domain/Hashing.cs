using System.Security.Cryptography;
using System.Text;

namespace Customer360.Domain;

/// <summary>Short, stable content fingerprints for keys and ids.</summary>
public static class Hashing
{
    /// <summary>The first 16 hex digits of the SHA-256 of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string ShortHex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
