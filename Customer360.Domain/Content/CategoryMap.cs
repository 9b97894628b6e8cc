using System.Collections.Frozen;

namespace Customer360.Domain.Content;

/// <summary>AppName → category. Matched exactly and case-sensitively (DESIGN §4).</summary>
public sealed class CategoryMap
{
    private readonly Dictionary<string, ContentCategory> _byAppName;
    private readonly Dictionary<string, ContentCategory>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public CategoryMap(IEnumerable<KeyValuePair<string, ContentCategory>> entries)
    {
        _byAppName = new Dictionary<string, ContentCategory>(StringComparer.Ordinal);
        foreach (var (app, category) in entries)
        {
            if (!_byAppName.TryAdd(app, category))
            {
                throw new ArgumentException($"AppName '{app}' is mapped twice.", nameof(entries));
            }
        }
        _bySpan = _byAppName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The design's default mapping: the original job's own table (APP is Truyền Hình there too).</summary>
    public static CategoryMap Default { get; } = new(new Dictionary<string, ContentCategory>
    {
        ["CHANNEL"] = ContentCategory.TruyenHinh,
        ["DSHD"] = ContentCategory.TruyenHinh,
        ["KPLUS"] = ContentCategory.TruyenHinh,
        ["KPlus"] = ContentCategory.TruyenHinh,
        ["APP"] = ContentCategory.TruyenHinh,
        ["VOD"] = ContentCategory.PhimTruyen,
        ["FIMS_RES"] = ContentCategory.PhimTruyen,
        ["BHD_RES"] = ContentCategory.PhimTruyen,
        ["VOD_RES"] = ContentCategory.PhimTruyen,
        ["FIMS"] = ContentCategory.PhimTruyen,
        ["BHD"] = ContentCategory.PhimTruyen,
        ["DANET"] = ContentCategory.PhimTruyen,
        ["RELAX"] = ContentCategory.GiaiTri,
        ["CHILD"] = ContentCategory.ThieuNhi,
        ["SPORT"] = ContentCategory.TheThao,
    });

    public IReadOnlyDictionary<string, ContentCategory> Entries => _byAppName.ToFrozenDictionary(StringComparer.Ordinal);

    public bool TryGet(ReadOnlySpan<char> appName, out ContentCategory category) => _bySpan.TryGetValue(appName, out category);
}
