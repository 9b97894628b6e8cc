using Parquet.Meta;

namespace Customer360.Domain.ParquetPages;

/// <summary>
/// The fields of a Parquet page header (parquet.thrift <c>PageHeader</c>) that decoding a page needs; the
/// rest (statistics, CRC, index pages) are skipped.
/// </summary>
internal readonly record struct PageHeader(
    PageType Type,
    int UncompressedSize,
    int CompressedSize,
    int ValueCount,
    Encoding Encoding,
    Encoding DefinitionLevelEncoding,
    int DefinitionLevelsBytes,
    int RepetitionLevelsBytes,
    bool IsCompressed)
{
    /// <summary>Reads a header at the start of <paramref name="data"/>; <paramref name="length"/> is its size in bytes.</summary>
    public static PageHeader Read(ReadOnlySpan<byte> data, out int length)
    {
        var reader = new ThriftCompactReader(data);
        int type = -1, uncompressed = -1, compressed = -1, values = -1, definitionBytes = 0, repetitionBytes = 0;
        int encoding = -1, definitionEncoding = (int)Encoding.RLE;
        bool isCompressed = true;
        while (reader.NextField(out short id, out byte fieldType))
        {
            switch (id)
            {
                case 1:
                    type = reader.ReadI32(fieldType);
                    break;
                case 2:
                    uncompressed = reader.ReadI32(fieldType);
                    break;
                case 3:
                    compressed = reader.ReadI32(fieldType);
                    break;
                case 5 or 7 or 8 when fieldType == ThriftCompactReader.Struct:
                {
                    // DataPageHeader (5), DictionaryPageHeader (7), DataPageHeaderV2 (8): num_values is field 1 of each.
                    int outer = reader.BeginStruct();
                    while (reader.NextField(out short inner, out byte innerType))
                    {
                        switch (id, inner)
                        {
                            case (_, 1):
                                values = reader.ReadI32(innerType);
                                break;
                            case (5 or 7, 2) or (8, 4):
                                encoding = reader.ReadI32(innerType);
                                break;
                            case (5, 3):
                                definitionEncoding = reader.ReadI32(innerType);
                                break;
                            case (8, 5):
                                definitionBytes = reader.ReadI32(innerType);
                                break;
                            case (8, 6):
                                repetitionBytes = reader.ReadI32(innerType);
                                break;
                            case (8, 7) when innerType is ThriftCompactReader.BooleanTrue or ThriftCompactReader.BooleanFalse:
                                isCompressed = innerType == ThriftCompactReader.BooleanTrue;
                                break;
                            default:
                                reader.Skip(innerType);
                                break;
                        }
                    }
                    reader.EndStruct(outer);
                    break;
                }
                default:
                    reader.Skip(fieldType);
                    break;
            }
        }
        length = reader.Position;
        if (type < 0 || uncompressed < 0 || compressed < 0)
        {
            throw new InvalidDataException("A Parquet page header lacks its type or sizes.");
        }
        return new PageHeader((PageType)type, uncompressed, compressed, values, (Encoding)encoding, (Encoding)definitionEncoding,
            definitionBytes, repetitionBytes, isCompressed);
    }
}
