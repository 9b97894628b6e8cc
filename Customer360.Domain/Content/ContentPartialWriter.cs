using Customer360.Domain.Storage;

namespace Customer360.Domain.Content;

/// <summary>
/// Builds one shard of a content partial (<see cref="ContentPartialFormat"/>) in memory, then writes it to
/// its stream in one sequential block (<see cref="PartialBlockWriter"/>: the bytes <see cref="BinaryWriter"/>
/// wrote for the same content, so partials of either writer read the same).
/// </summary>
internal sealed class ContentPartialWriter : IDisposable
{
    private readonly PartialBlockWriter _writer;

    public ContentPartialWriter(int month, int count, int expectedBytes)
    {
        _writer = new PartialBlockWriter(expectedBytes);
        _writer.WriteInt32(ContentPartialFormat.Magic);
        _writer.WriteByte(ContentPartialFormat.Version);
        _writer.WriteInt32(month);
        _writer.WriteInt32(count);
    }

    /// <summary>One contract's aggregate; its <paramref name="devices"/> devices follow (<see cref="WriteDevice"/>).</summary>
    public void WriteContract(ReadOnlySpan<byte> contract, ReadOnlySpan<long> seconds, uint dayMask, int devices)
    {
        _writer.Ensure(contract.Length + (11 * seconds.Length) + 20);
        _writer.WriteBytes(contract);
        foreach (long value in seconds)
        {
            _writer.Write7Bit((ulong)value);
        }
        _writer.WriteUInt32(dayMask);
        _writer.Write7Bit((uint)devices);
    }

    public void WriteDevice(ReadOnlySpan<byte> device)
    {
        _writer.Ensure(device.Length + 5);
        _writer.WriteBytes(device);
    }

    public void CopyTo(Stream stream) => _writer.CopyTo(stream);

    public void Dispose() => _writer.Dispose();
}
