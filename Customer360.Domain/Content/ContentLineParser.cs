using System.Text.Json;
using System.Text.Unicode;

namespace Customer360.Domain.Content;

/// <summary>
/// Parses one NDJSON content line into a valid record or a rejection reason, following the exact
/// rules and check order of DESIGN §4. One instance per scanning thread: it reuses its char buffers,
/// so the spans it hands out are valid only until the next call.
/// </summary>
public sealed class ContentLineParser
{
    private static ReadOnlySpan<byte> SourceKey => "_source"u8;
    private static ReadOnlySpan<byte> ContractKey => "Contract"u8;
    private static ReadOnlySpan<byte> AppNameKey => "AppName"u8;
    private static ReadOnlySpan<byte> DurationKey => "TotalDuration"u8;
    private static ReadOnlySpan<byte> MacKey => "Mac"u8;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    private readonly CategoryMap _categories;
    private char[] _contract = new char[64];
    private char[] _appName = new char[64];
    private char[] _mac = new char[64];

    // Field state of the current line's last `_source` object.
    private FieldKind _contractKind, _appKind, _durationKind, _macKind;
    private int _contractLength, _appLength, _macLength;
    private long _duration;

    public ContentLineParser(CategoryMap categories) => _categories = categories;

    /// <summary>Parses <paramref name="line"/>; on success fills <paramref name="record"/> and returns null.</summary>
    public RejectReason? Parse(ReadOnlySpan<byte> line, out ContentLineRecord record)
    {
        record = default;
        if (!Utf8.IsValid(line))
        {
            return RejectReason.Malformed;
        }

        bool sourceIsObject = false;
        try
        {
            var reader = new Utf8JsonReader(line, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return RejectReason.Malformed;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isSource = reader.ValueTextEquals(SourceKey);
                reader.Read();
                if (!isSource)
                {
                    reader.Skip();
                    continue;
                }
                // A repeated `_source` key: the last one wins, wholesale.
                ResetFields();
                sourceIsObject = reader.TokenType == JsonTokenType.StartObject;
                if (sourceIsObject)
                {
                    ReadSource(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            // Anything after the top-level object (other than whitespace) makes Read throw.
            if (reader.Read())
            {
                return RejectReason.Malformed;
            }
        }
        catch (JsonException)
        {
            return RejectReason.Malformed;
        }

        if (!sourceIsObject || _contractKind <= FieldKind.Null || _appKind <= FieldKind.Null || _durationKind <= FieldKind.Null)
        {
            return RejectReason.MissingField;
        }
        var contract = _contract.AsSpan(0, _contractLength);
        if (_contractKind != FieldKind.String || contract.IsEmpty || contract is "0")
        {
            return RejectReason.BadContract;
        }
        if (_appKind != FieldKind.String || !_categories.TryGet(_appName.AsSpan(0, _appLength), out var category))
        {
            return RejectReason.UnmappedApp;
        }
        if (_durationKind != FieldKind.Integer)
        {
            return RejectReason.BadDuration;
        }
        if (_duration <= 0)
        {
            return RejectReason.NonPositiveDuration;
        }
        var mac = _macKind == FieldKind.String ? MacAddress.Normalize(_mac.AsSpan(0, _macLength)) : 0;
        record = new ContentLineRecord(contract, category, _duration, _mac.AsSpan(0, mac));
        return null;
    }

    private void ResetFields()
    {
        _contractKind = _appKind = _durationKind = _macKind = FieldKind.Absent;
        _contractLength = _appLength = _macLength = 0;
        _duration = 0;
    }

    private void ReadSource(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(ContractKey))
            {
                reader.Read();
                _contractKind = ReadString(ref reader, ref _contract, out _contractLength);
            }
            else if (reader.ValueTextEquals(AppNameKey))
            {
                reader.Read();
                _appKind = ReadString(ref reader, ref _appName, out _appLength);
            }
            else if (reader.ValueTextEquals(DurationKey))
            {
                reader.Read();
                _durationKind = ReadInteger(ref reader, out _duration);
            }
            else if (reader.ValueTextEquals(MacKey))
            {
                reader.Read();
                _macKind = ReadString(ref reader, ref _mac, out _macLength);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static FieldKind ReadString(ref Utf8JsonReader reader, ref char[] buffer, out int length)
    {
        length = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return FieldKind.Null;
            case JsonTokenType.String:
                // Unescaped char count never exceeds the raw UTF-8 byte count.
                int max = reader.ValueSpan.Length;
                if (buffer.Length < max)
                {
                    buffer = new char[Math.Max(max, buffer.Length * 2)];
                }
                length = reader.CopyString(buffer);
                return FieldKind.String;
            default:
                reader.Skip();
                return FieldKind.OtherType;
        }
    }

    private static FieldKind ReadInteger(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return FieldKind.Null;
            case JsonTokenType.Number:
                // A JSON integer has no fraction and no exponent: 254.0 and 2.54e2 are bad durations.
                var raw = reader.ValueSpan;
                if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0 || !reader.TryGetInt64(out value))
                {
                    return FieldKind.OtherType;
                }
                return FieldKind.Integer;
            default:
                reader.Skip();
                return FieldKind.OtherType;
        }
    }

    private enum FieldKind : byte
    {
        Absent = 0,
        Null = 1,
        OtherType = 2,
        String = 3,
        Integer = 4,
    }
}

/// <summary>A valid content line. Spans point into the parser's buffers (valid until its next call).</summary>
public readonly ref struct ContentLineRecord
{
    public ContentLineRecord(ReadOnlySpan<char> contract, ContentCategory category, long duration, ReadOnlySpan<char> mac)
        : this(contract, default, category, duration, mac)
    {
    }

    /// <param name="contractUtf8">The contract's UTF-8 bytes when the reader has them at hand (the raw line's, for an unescaped string); empty: only <paramref name="contract"/>.</param>
    public ContentLineRecord(ReadOnlySpan<char> contract, ReadOnlySpan<byte> contractUtf8, ContentCategory category, long duration, ReadOnlySpan<char> mac)
    {
        Contract = contract;
        ContractUtf8 = contractUtf8;
        Category = category;
        Duration = duration;
        Mac = mac;
    }

    public ReadOnlySpan<char> Contract { get; }

    /// <summary>The UTF-8 bytes of <see cref="Contract"/>, or empty when the reader did not have them (then encode <see cref="Contract"/>).</summary>
    public ReadOnlySpan<byte> ContractUtf8 { get; }

    public ContentCategory Category { get; }
    public long Duration { get; }

    /// <summary>The normalised MAC; empty means "no device".</summary>
    public ReadOnlySpan<char> Mac { get; }
}
