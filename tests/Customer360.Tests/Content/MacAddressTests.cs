using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

public class MacAddressTests
{
    [Theory]
    [InlineData("0C96E62FC55C", "0C96E62FC55C")]
    [InlineData("\t0c:96:e6:2f:c5:5c\n", "0C96E62FC55C")]
    [InlineData("0C 96 E6,2F.C5-5C", "0C96E62FC55C")]
    [InlineData("ab\tcd", "AB\tCD")] // only surrounding whitespace is trimmed; inner tabs are not separators
    [InlineData(" - : ", "")]
    public void Normalises_per_design(string raw, string expected) => Assert.Equal(expected, MacAddress.Normalize(raw));
}
