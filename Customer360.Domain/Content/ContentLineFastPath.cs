using System.Buffers;
using System.Text;

namespace Customer360.Domain.Content;

/// <summary>
/// The fast path for the common content line, read straight from the raw UTF-8 with vectorised searches:
/// a flat top-level object of plain scalars whose <c>_source</c> (once) is a flat object with string
/// <c>Contract</c>, <c>AppName</c> and optional <c>Mac</c> and an integer <c>TotalDuration</c>, every
/// string printable ASCII without escapes. It only ever accepts: a line it cannot prove to be that shape,
/// valid JSON and a valid record (a rejection, an escape, a nested value, a fraction, a long field, any
/// non-ASCII byte, a tab...) returns false and goes to <see cref="ContentLineParser"/>, so the rules of DESIGN §4
/// stay the full reader's alone. One instance per scanning thread (it reuses its buffers).
/// </summary>
public sealed class ContentLineFastPath
{
    /// <summary>Longer lines go to the full reader (real lines are ~150 bytes).</summary>
    public const int MaxLineBytes = 1024;

    /// <summary>Longer Contract, AppName or Mac values go to the full reader.</summary>
    public const int MaxFieldBytes = 64;

    private static ReadOnlySpan<byte> SourceKey => "_source"u8;
    private static ReadOnlySpan<byte> ContractKey => "Contract"u8;
    private static ReadOnlySpan<byte> AppNameKey => "AppName"u8;
    private static ReadOnlySpan<byte> DurationKey => "TotalDuration"u8;
    private static ReadOnlySpan<byte> MacKey => "Mac"u8;

    private static readonly SearchValues<byte> UpperHex = SearchValues.Create("0123456789ABCDEF"u8);

    // The mapped ASCII AppNames by their length: a line's AppName is compared with the few of its length only.
    private readonly (byte[] Name, ContentCategory Category)[][] _appsByLength;
    private readonly char[] _contract = new char[MaxFieldBytes];
    private readonly char[] _mac = new char[MaxFieldBytes];

    public ContentLineFastPath(CategoryMap categories)
    {
        // Only ASCII AppNames can match here (the fast path reads ASCII lines only); others go the full way.
        var ascii = categories.Entries.Where(e => Ascii.IsValid(e.Key) && e.Key.Length <= MaxFieldBytes).ToList();
        _appsByLength = Enumerable.Range(0, MaxFieldBytes + 1)
            .Select(length => ascii.Where(e => e.Key.Length == length).Select(e => (Encoding.ASCII.GetBytes(e.Key), e.Value)).ToArray())
            .ToArray();
    }

    /// <summary>True with <paramref name="record"/> filled when the line is proven a simple valid record; false means "ask the full parser".</summary>
    public bool TryParse(ReadOnlySpan<byte> line, out ContentLineRecord record)
    {
        record = default;
        if (line.Length > MaxLineBytes || !IsPrintableAsciiWithoutEscapes(line))
        {
            return false;
        }
        var source = default(SourceFields);
        bool sawSource = false;
        int i = SkipWhitespace(line, 0);
        if (i >= line.Length || line[i] != '{')
        {
            return false;
        }
        i = SkipWhitespace(line, i + 1);
        while (true)
        {
            if (!ReadString(line, ref i, out var key) || !Expect(line, ref i, (byte)':'))
            {
                return false;
            }
            if (key.SequenceEqual(SourceKey))
            {
                // A repeated _source (the last one wins) is the full reader's business.
                if (sawSource || i >= line.Length || line[i] != '{' || !ReadSource(line, ref i, ref source))
                {
                    return false;
                }
                sawSource = true;
            }
            else if (!SkipScalar(line, ref i))
            {
                return false;
            }
            if (!NextMember(line, ref i, out bool closed))
            {
                return false;
            }
            if (closed)
            {
                break;
            }
        }
        if (SkipWhitespace(line, i) != line.Length || !sawSource || source.ContractLength < 0 || source.AppLength < 0 || !source.HasDuration)
        {
            return false;
        }

        var contract = line.Slice(source.ContractStart, source.ContractLength);
        var app = line.Slice(source.AppStart, source.AppLength);
        if (contract.IsEmpty || contract.SequenceEqual("0"u8) || source.Duration <= 0 || !TryMapApp(app, out var category))
        {
            return false;
        }
        int contractChars = Encoding.ASCII.GetChars(contract, _contract);
        int macChars = 0;
        if (source.MacLength > 0)
        {
            var mac = line.Slice(source.MacStart, source.MacLength);
            macChars = Encoding.ASCII.GetChars(mac, _mac);
            // The usual MAC is already normal (12 upper-case hex digits, no separators).
            if (macChars != 12 || mac.ContainsAnyExcept(UpperHex))
            {
                macChars = MacAddress.Normalize(_mac.AsSpan(0, macChars));
            }
        }
        record = new ContentLineRecord(_contract.AsSpan(0, contractChars), contract, category, source.Duration, _mac.AsSpan(0, macChars));
        return true;
    }

    /// <summary>
    /// The whole line (but a CRLF line's final CR) is printable ASCII with no backslash, in two vectorised searches.
    /// Then every string runs from its quote to the next one, so the walk checks no string byte by byte; a
    /// control byte or a tab is invalid or rare, non-ASCII needs UTF-8 validation, an escape unescaping: all
    /// the full reader's.
    /// </summary>
    private static bool IsPrintableAsciiWithoutEscapes(ReadOnlySpan<byte> line)
    {
        var body = line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
        return !body.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) && !body.Contains((byte)'\\');
    }

    /// <summary>Where the four fields' values lie in the line (length -1: absent), and the duration.</summary>
    private struct SourceFields
    {
        public int ContractStart, ContractLength, AppStart, AppLength, MacStart, MacLength;
        public long Duration;
        public bool HasDuration;
    }

    private static bool ReadSource(ReadOnlySpan<byte> line, ref int i, ref SourceFields fields)
    {
        fields.ContractLength = fields.AppLength = fields.MacLength = -1;
        i = SkipWhitespace(line, i + 1);
        while (true)
        {
            if (!ReadString(line, ref i, out var key) || !Expect(line, ref i, (byte)':'))
            {
                return false;
            }
            if (key.SequenceEqual(ContractKey))
            {
                if (!ReadField(line, ref i, out fields.ContractStart, out fields.ContractLength))
                {
                    return false;
                }
            }
            else if (key.SequenceEqual(AppNameKey))
            {
                if (!ReadField(line, ref i, out fields.AppStart, out fields.AppLength))
                {
                    return false;
                }
            }
            else if (key.SequenceEqual(MacKey))
            {
                if (!ReadField(line, ref i, out fields.MacStart, out fields.MacLength))
                {
                    return false;
                }
            }
            else if (key.SequenceEqual(DurationKey))
            {
                if (!ReadInteger(line, ref i, out fields.Duration))
                {
                    return false;
                }
                fields.HasDuration = true;
            }
            else if (!SkipScalar(line, ref i))
            {
                return false;
            }
            if (!NextMember(line, ref i, out bool closed))
            {
                return false;
            }
            if (closed)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// After a member's value: <c>}</c> (consumed; <paramref name="closed"/>) or <c>,</c> (consumed, and the
    /// whitespace before the next key); false on anything else.
    /// </summary>
    private static bool NextMember(ReadOnlySpan<byte> line, ref int i, out bool closed)
    {
        i = SkipWhitespace(line, i);
        closed = i < line.Length && line[i] == '}';
        if (closed)
        {
            i++;
            return true;
        }
        if (i >= line.Length || line[i] != ',')
        {
            return false;
        }
        i = SkipWhitespace(line, i + 1);
        return true;
    }

    /// <summary>A string value of one of the four fields (anything else: not simple); a repeated key overwrites, as in the full reader.</summary>
    private static bool ReadField(ReadOnlySpan<byte> line, ref int i, out int start, out int length)
    {
        start = i + 1;
        if (!ReadString(line, ref i, out var value) || value.Length > MaxFieldBytes)
        {
            length = -1;
            return false;
        }
        length = value.Length;
        return true;
    }

    /// <summary>At a '"': the string's content (the line is printable ASCII without escapes); <paramref name="i"/> moves past the closing quote.</summary>
    private static bool ReadString(ReadOnlySpan<byte> line, ref int i, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (i >= line.Length || line[i] != '"')
        {
            return false;
        }
        int start = i + 1;
        int length = line[start..].IndexOf((byte)'"');
        if (length < 0)
        {
            return false;
        }
        value = line.Slice(start, length);
        i = start + length + 1;
        return true;
    }

    /// <summary>A string, a JSON number (strict grammar), true, false or null; objects and arrays are not simple.</summary>
    private static bool SkipScalar(ReadOnlySpan<byte> line, ref int i)
    {
        if (i >= line.Length)
        {
            return false;
        }
        switch (line[i])
        {
            case (byte)'"':
                return ReadString(line, ref i, out _);
            case (byte)'t':
                return SkipLiteral(line, ref i, "true"u8);
            case (byte)'f':
                return SkipLiteral(line, ref i, "false"u8);
            case (byte)'n':
                return SkipLiteral(line, ref i, "null"u8);
            default:
                return SkipNumber(line, ref i);
        }
    }

    private static bool SkipLiteral(ReadOnlySpan<byte> line, ref int i, ReadOnlySpan<byte> literal)
    {
        if (!line[i..].StartsWith(literal))
        {
            return false;
        }
        i += literal.Length;
        return true;
    }

    /// <summary>JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool SkipNumber(ReadOnlySpan<byte> line, ref int i)
    {
        int j = i;
        if (j < line.Length && line[j] == '-')
        {
            j++;
        }
        if (!SkipIntegerDigits(line, ref j))
        {
            return false;
        }
        if (j < line.Length && line[j] == '.')
        {
            j++;
            if (!SkipDigits(line, ref j))
            {
                return false;
            }
        }
        if (j < line.Length && (line[j] == 'e' || line[j] == 'E'))
        {
            j++;
            if (j < line.Length && (line[j] == '+' || line[j] == '-'))
            {
                j++;
            }
            if (!SkipDigits(line, ref j))
            {
                return false;
            }
        }
        i = j;
        return true;
    }

    /// <summary>
    /// An integer TotalDuration of at most 18 digits (always within Int64). A fraction, an exponent or a
    /// longer number is a bad duration or needs range checks: the full reader's.
    /// </summary>
    private static bool ReadInteger(ReadOnlySpan<byte> line, ref int i, out long value)
    {
        value = 0;
        int j = i;
        bool negative = j < line.Length && line[j] == '-';
        if (negative)
        {
            j++;
        }
        int digitsStart = j;
        if (!SkipIntegerDigits(line, ref j) || j - digitsStart > 18 || (j < line.Length && (line[j] == '.' || line[j] == 'e' || line[j] == 'E')))
        {
            return false;
        }
        foreach (byte digit in line[digitsStart..j])
        {
            value = (value * 10) + (digit - '0');
        }
        if (negative)
        {
            value = -value;
        }
        i = j;
        return true;
    }

    /// <summary>0, or a non-zero digit then digits (JSON allows no leading zeros).</summary>
    private static bool SkipIntegerDigits(ReadOnlySpan<byte> line, ref int j)
    {
        if (j >= line.Length)
        {
            return false;
        }
        if (line[j] == '0')
        {
            j++;
            return true;
        }
        return line[j] is >= (byte)'1' and <= (byte)'9' && SkipDigits(line, ref j);
    }

    /// <summary>One or more digits.</summary>
    private static bool SkipDigits(ReadOnlySpan<byte> line, ref int j)
    {
        // A plain loop, as in ReadString: numbers here are a few digits long.
        int start = j;
        while (j < line.Length && line[j] is >= (byte)'0' and <= (byte)'9')
        {
            j++;
        }
        return j > start;
    }

    private static bool Expect(ReadOnlySpan<byte> line, ref int i, byte c)
    {
        i = SkipWhitespace(line, i);
        if (i >= line.Length || line[i] != c)
        {
            return false;
        }
        i = SkipWhitespace(line, i + 1);
        return true;
    }

    /// <summary>JSON whitespace: space, tab, CR, LF (a CRLF line ends in CR).</summary>
    private static int SkipWhitespace(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }
        return i;
    }

    private bool TryMapApp(ReadOnlySpan<byte> app, out ContentCategory category)
    {
        foreach (var (name, mapped) in _appsByLength[app.Length])
        {
            if (app.SequenceEqual(name))
            {
                category = mapped;
                return true;
            }
        }
        category = default;
        return false;
    }
}
