using System.Text;

namespace Customer360.Domain.Search;

/// <summary>
/// Keyword normalisation for counting (DESIGN §4): Unicode NFC, trim, collapse inner whitespace
/// (<c>char.IsWhiteSpace</c>) to one space, <c>ToLowerInvariant</c>. Diacritics are kept.
/// Needs ICU: with InvariantGlobalization, <c>string.Normalize</c> silently does nothing.
/// </summary>
public static class KeywordNormalizer
{
    public static string Normalize(string keyword)
    {
        var nfc = keyword.IsNormalized(NormalizationForm.FormC) ? keyword : keyword.Normalize(NormalizationForm.FormC);
        var span = nfc.AsSpan().Trim();
        var builder = new StringBuilder(span.Length);
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
                builder.Append(' ');
                space = false;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
