namespace Customer360.Domain.Content;

/// <summary>
/// Reads one content line: the <see cref="ContentLineFastPath"/> first, which accepts only lines it proves
/// simple and valid, then the full <see cref="ContentLineParser"/> for every other line, so results and
/// rejection reasons are exactly the full parser's. One instance per scanning thread.
/// </summary>
public sealed class ContentLineReader(CategoryMap categories)
{
    private readonly ContentLineFastPath _fast = new(categories);
    private readonly ContentLineParser _full = new(categories);

    /// <summary>As <see cref="ContentLineParser.Parse"/>: null and <paramref name="record"/> filled for a valid line, else the reason.</summary>
    public RejectReason? Parse(ReadOnlySpan<byte> line, out ContentLineRecord record) =>
        _fast.TryParse(line, out record) ? null : _full.Parse(line, out record);
}
