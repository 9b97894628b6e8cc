using System.Text;
using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

public class ContentLineParserTests
{
    private static RejectReason? Parse(string line) => Parse(Encoding.UTF8.GetBytes(line));

    private static RejectReason? Parse(byte[] line) => new ContentLineParser(CategoryMap.Default).Parse(line, out _);

    private static (string Contract, ContentCategory Category, long Duration, string Mac) Accept(string line)
    {
        var parser = new ContentLineParser(CategoryMap.Default);
        var reason = parser.Parse(Encoding.UTF8.GetBytes(line), out var record);
        Assert.Null(reason);
        return (record.Contract.ToString(), record.Category, record.Duration, record.Mac.ToString());
    }

    private static string Line(string source) => $"{{\"_index\":\"history\",\"_type\":\"kplus\",\"_id\":\"AX_m1\",\"_score\":0,\"_source\":{source}}}";

    [Fact]
    public void Accepts_the_documented_example()
    {
        var r = Accept("""{"_index":"history","_type":"kplus","_id":"AX_m…","_score":0,"_source":{"Contract":"HNH579912","Mac":"0C96E62FC55C","TotalDuration":254,"AppName":"KPLUS"}}""");
        Assert.Equal(("HNH579912", ContentCategory.TruyenHinh, 254L, "0C96E62FC55C"), r);
    }

    [Fact]
    public void Field_order_inside_source_does_not_matter()
    {
        var r = Accept(Line("""{"AppName":"SPORT","TotalDuration":10,"Mac":"AA","Contract":"C1"}"""));
        Assert.Equal(("C1", ContentCategory.TheThao, 10L, "AA"), r);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}")] // truncated
    [InlineData("[{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}}]")] // top level not an object
    [InlineData("\"a string\"")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}} trailing")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5},}")] // trailing comma
    [InlineData("{\"x\":[1,2,}],\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}}")] // bad nested value elsewhere
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}}{}")] // two values
    [InlineData("{'_source':{}}")]
    public void Malformed_lines(string line) => Assert.Equal(RejectReason.Malformed, Parse(line));

    [Fact]
    public void Invalid_utf8_is_malformed()
    {
        var bytes = Encoding.UTF8.GetBytes(Line("""{"Contract":"C1","AppName":"VOD","TotalDuration":5,"Mac":"XX"}"""));
        int at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3; // a lead byte followed by 'X' is not UTF-8
        Assert.Equal(RejectReason.Malformed, Parse(bytes));
    }

    [Theory]
    [InlineData("{\"_index\":\"history\"}")] // _source absent
    [InlineData("{\"_source\":null}")]
    [InlineData("{\"_source\":[1]}")] // not an object
    [InlineData("{\"_source\":\"text\"}")]
    [InlineData("{\"_source\":{\"AppName\":\"VOD\",\"TotalDuration\":5}}")] // no Contract
    [InlineData("{\"_source\":{\"Contract\":null,\"AppName\":\"VOD\",\"TotalDuration\":5}}")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"TotalDuration\":5}}")] // no AppName
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":null,\"TotalDuration\":5}}")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\"}}")] // no TotalDuration
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":null}}")]
    [InlineData("{\"x\":{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}}}")] // nested _source is ignored
    [InlineData("{\"_source\":{\"meta\":{\"Contract\":\"C1\"},\"AppName\":\"VOD\",\"TotalDuration\":5}}")] // nested Contract is ignored
    [InlineData("{\"_source\":{\"Contract\":\"0\",\"AppName\":\"NOPE\"}}")] // missing_field is checked before bad_contract
    public void Missing_field(string line) => Assert.Equal(RejectReason.MissingField, Parse(line));

    [Theory]
    [InlineData("{\"_source\":{\"Contract\":\"0\",\"AppName\":\"VOD\",\"TotalDuration\":5}}")]
    [InlineData("{\"_source\":{\"Contract\":\"\",\"AppName\":\"VOD\",\"TotalDuration\":5}}")]
    [InlineData("{\"_source\":{\"Contract\":123,\"AppName\":\"VOD\",\"TotalDuration\":5}}")]
    [InlineData("{\"_source\":{\"Contract\":{\"id\":1},\"AppName\":\"VOD\",\"TotalDuration\":5}}")]
    [InlineData("{\"_source\":{\"Contract\":\"0\",\"AppName\":\"NOPE\",\"TotalDuration\":\"x\"}}")] // bad_contract before unmapped_app
    public void Bad_contract(string line) => Assert.Equal(RejectReason.BadContract, Parse(line));

    [Theory]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"IPTV\",\"TotalDuration\":5}}")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"kplus\",\"TotalDuration\":5}}")] // case-sensitive
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\" VOD\",\"TotalDuration\":5}}")] // exact match
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":7,\"TotalDuration\":5}}")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"NOPE\",\"TotalDuration\":-3}}")] // unmapped_app before duration checks
    public void Unmapped_app(string line) => Assert.Equal(RejectReason.UnmappedApp, Parse(line));

    [Theory]
    [InlineData("\"254\"")]
    [InlineData("254.0")]
    [InlineData("2.54e2")]
    [InlineData("254E0")]
    [InlineData("9223372036854775808")] // Int64.MaxValue + 1
    [InlineData("-9223372036854775809")]
    [InlineData("true")]
    [InlineData("[254]")]
    [InlineData("{\"v\":254}")]
    public void Bad_duration(string duration) =>
        Assert.Equal(RejectReason.BadDuration, Parse(Line($"{{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":{duration}}}")));

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-1")]
    [InlineData("-9223372036854775808")]
    public void Non_positive_duration(string duration) =>
        Assert.Equal(RejectReason.NonPositiveDuration, Parse(Line($"{{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":{duration}}}")));

    [Fact]
    public void Largest_int64_duration_is_valid() =>
        Assert.Equal(long.MaxValue, Accept(Line("{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":9223372036854775807}")).Duration);

    [Fact]
    public void Repeated_key_last_one_wins()
    {
        Assert.Equal("C2", Accept(Line("""{"Contract":"C1","AppName":"VOD","TotalDuration":5,"Contract":"C2"}""")).Contract);
        Assert.Equal(RejectReason.BadContract, Parse(Line("""{"Contract":"C1","AppName":"VOD","TotalDuration":5,"Contract":"0"}""")));
        Assert.Equal(ContentCategory.TheThao, Accept(Line("""{"Contract":"C1","AppName":"NOPE","TotalDuration":5,"AppName":"SPORT"}""")).Category);
    }

    [Fact]
    public void Repeated_source_the_last_object_wins_wholesale()
    {
        // The second _source lacks TotalDuration: the first one's fields must not leak into it.
        Assert.Equal(RejectReason.MissingField, Parse("""{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":5},"_source":{"Contract":"C2","AppName":"VOD"}}"""));
        Assert.Equal("C2", Accept("""{"_source":null,"_source":{"Contract":"C2","AppName":"VOD","TotalDuration":1}}""").Contract);
        Assert.Equal(RejectReason.MissingField, Parse("""{"_source":{"Contract":"C2","AppName":"VOD","TotalDuration":1},"_source":null}"""));
    }

    [Fact]
    public void Other_keys_are_ignored()
    {
        var r = Accept("""{"_id":"x","_source":{"Extra":{"Contract":"nested"},"Contract":"C1","List":[1,{"a":null}],"AppName":"RELAX","TotalDuration":7},"tail":[]}""");
        Assert.Equal(("C1", ContentCategory.GiaiTri, 7L), (r.Contract, r.Category, r.Duration));
    }

    [Fact]
    public void Contract_is_used_exactly_as_written_after_json_unescaping()
    {
        Assert.Equal(" hnh579912 ", Accept(Line("""{"Contract":" hnh579912 ","AppName":"VOD","TotalDuration":5}""")).Contract);
        Assert.Equal("HNH", Accept(Line("""{"Contract":"HN\u0048","AppName":"VOD","TotalDuration":5}""")).Contract);
        Assert.Equal("Đức", Accept(Line("""{"Contract":"Đức","AppName":"VOD","TotalDuration":5}""")).Contract);
    }

    [Theory]
    [InlineData("\"0C96E62FC55C\"", "0C96E62FC55C")]
    [InlineData("\" 0c:96-e6.2f,c5 5c \"", "0C96E62FC55C")]
    [InlineData("\"0c-96-e6-2f-c5-5c\"", "0C96E62FC55C")]
    [InlineData("\"  \"", "")]
    [InlineData("\":-,. \"", "")]
    [InlineData("\"\"", "")]
    [InlineData("null", "")]
    [InlineData("12345", "")]
    [InlineData("{\"a\":1}", "")]
    public void Mac_is_normalised_and_optional(string macJson, string expected) =>
        Assert.Equal(expected, Accept(Line($"{{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5,\"Mac\":{macJson}}}")).Mac);

    [Fact]
    public void Absent_mac_means_no_device() =>
        Assert.Equal("", Accept(Line("""{"Contract":"C1","AppName":"VOD","TotalDuration":5}""")).Mac);
}
