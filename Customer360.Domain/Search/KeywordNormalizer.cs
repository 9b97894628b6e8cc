using System.Text;

namespace Customer360.Domain.Search;

/// <summary>
/// Keyword normalisation for counting (DESIGN §4): Unicode NFC, trim, collapse inner whitespace
/// (<c>char.IsWhiteSpace</c>) to one space, <c>ToLowerInvariant</c>. Diacritics are kept.
/// Needs ICU: with InvariantGlobalization, <c>string.Normalize</c> silently does nothing.
/// </summary>
public static class KeywordNormalizer
{
    public static string Normalize(string keyword) => Normalize(keyword.AsSpan(), keyword);

    public static string Normalize(ReadOnlySpan<char> keyword) => Normalize(keyword, null);

    /// <param name="original">The keyword as a string when the caller has one (spares a copy for the NFC step).</param>
    private static string Normalize(ReadOnlySpan<char> keyword, string? original)
    {
        // ASCII is always in NFC; only other text goes through ICU.
        if (!Ascii.IsValid(keyword))
        {
            var text = original ?? new string(keyword);
            if (!text.IsNormalized(NormalizationForm.FormC))
            {
                text = text.Normalize(NormalizationForm.FormC);
            }
            keyword = text.AsSpan();
        }
        var span = keyword.Trim();
        Span<char> buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        int length = 0;
        bool space = false;
        foreach (char c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                buffer[length++] = ' ';
                space = false;
            }
            buffer[length++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..length]);
    }
}
