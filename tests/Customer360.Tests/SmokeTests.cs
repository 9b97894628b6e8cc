using Customer360.Domain.Content;

namespace Customer360.Tests;

public class CategoryMapTests
{
    [Theory]
    [InlineData("CHANNEL", ContentCategory.TruyenHinh)]
    [InlineData("KPlus", ContentCategory.TruyenHinh)]
    [InlineData("DANET", ContentCategory.PhimTruyen)]
    [InlineData("RELAX", ContentCategory.GiaiTri)]
    [InlineData("CHILD", ContentCategory.ThieuNhi)]
    [InlineData("SPORT", ContentCategory.TheThao)]
    public void Default_mapping_follows_the_design(string app, ContentCategory expected)
    {
        Assert.True(CategoryMap.Default.TryGet(app, out var category));
        Assert.Equal(expected, category);
    }
}
