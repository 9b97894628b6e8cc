using System.Buffers;
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
        // Lower-cased unit by unit from the table while inner whitespace runs become one space, in one pass (no
        // whitespace character has a lower case and no letter lowers to whitespace, so testing before lowering is the same).
        var lower = LowerTable;
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
            buffer[length++] = lower[c];
        }
        return new string(buffer[..length]);
    }

    /// <summary>
    /// The rule straight on UTF-8 when <paramref name="raw"/> is all ASCII (always NFC; its whitespace is
    /// <c>\t</c>–<c>\r</c> and space; lower case is A–Z → a–z): the normalised UTF-8 in <paramref name="destination"/>
    /// (at least <paramref name="raw"/>'s length). False for any other text, which takes <see cref="Normalize(string)"/>.
    /// </summary>
    public static bool TryNormalizeAscii(ReadOnlySpan<byte> raw, Span<byte> destination, out int written)
    {
        written = 0;
        if (!Ascii.IsValid(raw))
        {
            return false;
        }
        bool space = false;
        foreach (byte b in raw)
        {
            if (AsciiWhiteSpace.Contains(b))
            {
                space = written > 0;
                continue;
            }
            if (space)
            {
                destination[written++] = (byte)' ';
                space = false;
            }
            destination[written++] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }
        return true;
    }

    /// <summary>The ASCII characters <c>char.IsWhiteSpace</c> accepts (KeywordNormalizerTests checks all 128).</summary>
    private static readonly SearchValues<byte> AsciiWhiteSpace = SearchValues.Create("\t\n\v\f\r "u8);

    /// <summary>The table's <c>char.ToLowerInvariant</c> of one UTF-16 unit (for the test that checks the table).</summary>
    internal static char LowerInvariant(char unit) => LowerTable[unit];

    /// <summary>
    /// Each UTF-16 unit's <c>char.ToLowerInvariant</c> (the rule is per unit; ICU behind the span overload, one native
    /// call per keyword with a non-ASCII letter, was a third of the search map's time), built in two ICU calls over the ranges without surrogates (in
    /// them each unit is a whole code point, so the span overload maps unit by unit); a lone surrogate lowers to itself.
    /// KeywordNormalizerTests checks all 65,536 entries against <c>char.ToLowerInvariant</c>.
    /// </summary>
    private static readonly char[] LowerTable = BuildLowerTable();

    private static char[] BuildLowerTable()
    {
        var units = new char[0x10000];
        for (int c = 0; c < units.Length; c++)
        {
            units[c] = (char)c;
        }
        var table = (char[])units.Clone();
        units.AsSpan(0, 0xD800).ToLowerInvariant(table.AsSpan(0, 0xD800));
        units.AsSpan(0xE000).ToLowerInvariant(table.AsSpan(0xE000));
        return table;
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
