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
        if (!IsAlwaysNfc(keyword))
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
        // Lower-cased in one call (vectorised for ASCII, one ICU call otherwise) instead of one per character. The
        // mapping is char.ToLowerInvariant's, unit by unit: text with surrogates (rare) keeps the per-unit loop, since
        // the span overload would also lower supplementary letters. No letter lowers to whitespace, so the collapse
        // below sees the same whitespace.
        if (span.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            for (int i = 0; i < span.Length; i++)
            {
                buffer[i] = char.ToLowerInvariant(span[i]);
            }
        }
        else
        {
            span.ToLowerInvariant(buffer);
        }
        // Inner whitespace runs to one space, in place (the write position never passes the read position).
        int length = 0;
        bool space = false;
        foreach (char c in buffer)
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
            buffer[length++] = c;
        }
        return new string(buffer[..length]);
    }

    /// <summary>
    /// Text made only of characters below the combining marks (U+0300: ASCII, Latin-1, Latin Extended-A/B, IPA,
    /// spacing modifiers) and of precomposed Latin letters (U+1E00–U+1EFF, most of Vietnamese) is always in NFC:
    /// none of them decomposes, and no two of them compose or reorder (checked against ICU for every pair, in
    /// KeywordNormalizerTests). Two vectorised searches instead of an ICU call per keyword; only other text
    /// (combining marks, other scripts) goes through ICU.
    /// </summary>
    public static bool IsAlwaysNfc(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0300', '\u1DFF') < 0 && text.IndexOfAnyInRange('\u1F00', '\uFFFF') < 0;
}
