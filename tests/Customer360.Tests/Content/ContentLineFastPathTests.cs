using System.Text;
using Customer360.Domain.Content;

namespace Customer360.Tests.Content;

public class ContentLineFastPathTests
{
    private static string Line(string source) => $"{{\"_index\":\"history\",\"_type\":\"kplus\",\"_id\":\"AX_m1\",\"_score\":0,\"_source\":{source}}}";

    private static readonly string Simple = Line("""{"Contract":"HNH579912","Mac":"0c:96:e6:2f:c5:5c","TotalDuration":254,"AppName":"KPLUS"}""");

    /// <summary>What a parser made of a line, as plain values.</summary>
    private static (RejectReason? Reason, string Contract, ContentCategory Category, long Duration, string Mac) Full(byte[] line)
    {
        var reason = new ContentLineParser(CategoryMap.Default).Parse(line, out var record);
        return (reason, record.Contract.ToString(), record.Category, record.Duration, record.Mac.ToString());
    }

    private static (RejectReason? Reason, string Contract, ContentCategory Category, long Duration, string Mac) Reader(ContentLineReader reader, byte[] line)
    {
        var reason = reader.Parse(line, out var record);
        return (reason, record.Contract.ToString(), record.Category, record.Duration, record.Mac.ToString());
    }

    [Fact]
    public void Accepts_a_simple_line_with_the_full_parsers_record()
    {
        var fast = new ContentLineFastPath(CategoryMap.Default);
        var bytes = Encoding.UTF8.GetBytes(Simple);
        Assert.True(fast.TryParse(bytes, out var record));
        Assert.Equal(Full(bytes), (null, record.Contract.ToString(), record.Category, record.Duration, record.Mac.ToString()));
        Assert.Equal(("HNH579912", "0C96E62FC55C"), (record.Contract.ToString(), record.Mac.ToString()));
    }

    [Theory]
    [InlineData("{ \"_source\" : { \"Contract\" : \"C1\" , \"AppName\" : \"VOD\" , \"TotalDuration\" : 5 } }\r")] // whitespace, CRLF
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5,\"x\":null,\"y\":true,\"z\":-1.5e3}}")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"BHD\",\"TotalDuration\":1,\"TotalDuration\":7}}")] // repeated key: last wins
    [InlineData("{\"a\":\"\",\"_source\":{\"Mac\":\"\",\"Contract\":\"0a\",\"AppName\":\"SPORT\",\"TotalDuration\":999999999999999999}}")]
    public void Accepts_other_simple_shapes_exactly_as_the_full_parser(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        Assert.True(new ContentLineFastPath(CategoryMap.Default).TryParse(bytes, out _));
        Assert.Equal(Full(bytes), Reader(new ContentLineReader(CategoryMap.Default), bytes));
    }

    [Theory]
    [InlineData("""{"Contract":"C\u0031","AppName":"VOD","TotalDuration":5}""")] // an escape
    [InlineData("""{"Contract":"Hà Nội","AppName":"VOD","TotalDuration":5}""")] // non-ASCII
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":5.0}""")] // a fraction: bad_duration
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":"5"}""")] // a string: bad_duration
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":9999999999999999999}""")] // out of range
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":0}""")]
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":-0}""")]
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":05}""")] // leading zero: malformed
    [InlineData("""{"Contract":"0","AppName":"VOD","TotalDuration":5}""")]
    [InlineData("""{"Contract":"","AppName":"VOD","TotalDuration":5}""")]
    [InlineData("""{"Contract":null,"AppName":"VOD","TotalDuration":5}""")]
    [InlineData("""{"Contract":"C1","AppName":"vod","TotalDuration":5}""")] // unmapped (case-sensitive)
    [InlineData("""{"Contract":"C1","AppName":"VOD"}""")] // missing field
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":5,"Mac":12}""")] // Mac not a string
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":5,"extra":{"Contract":"C2"}}""")] // nested object
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":5,"extra":[1]}""")]
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":5,}""")] // trailing comma
    [InlineData("""{"Contract":"C1","AppName":"VOD","TotalDuration":5""")] // truncated
    public void Leaves_every_line_it_cannot_prove_simple_and_valid_to_the_full_parser(string source)
    {
        var bytes = Encoding.UTF8.GetBytes(Line(source));
        Assert.False(new ContentLineFastPath(CategoryMap.Default).TryParse(bytes, out _));
        Assert.Equal(Full(bytes), Reader(new ContentLineReader(CategoryMap.Default), bytes));
    }

    [Theory]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5},\"_source\":{\"Contract\":\"C2\",\"AppName\":\"VOD\",\"TotalDuration\":6}}")] // repeated _source
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}} x")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}}{}")]
    [InlineData("\uFEFF{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}}")] // a BOM
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5},\"t\":tru}")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5},\"n\":1.}")]
    [InlineData("{\"_source\":{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5},\"n\":+1}")]
    public void Leaves_odd_top_levels_to_the_full_parser(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        Assert.False(new ContentLineFastPath(CategoryMap.Default).TryParse(bytes, out _));
        Assert.Equal(Full(bytes), Reader(new ContentLineReader(CategoryMap.Default), bytes));
    }

    [Fact]
    public void Long_fields_and_lines_go_to_the_full_parser()
    {
        var longContract = Encoding.UTF8.GetBytes(Line($"{{\"Contract\":\"{new string('C', ContentLineFastPath.MaxFieldBytes + 1)}\",\"AppName\":\"VOD\",\"TotalDuration\":5}}"));
        var longLine = Encoding.UTF8.GetBytes($"{{\"pad\":\"{new string('p', ContentLineFastPath.MaxLineBytes)}\",\"_source\":{{\"Contract\":\"C1\",\"AppName\":\"VOD\",\"TotalDuration\":5}}}}");
        foreach (var bytes in new[] { longContract, longLine })
        {
            Assert.False(new ContentLineFastPath(CategoryMap.Default).TryParse(bytes, out _));
            Assert.Equal(Full(bytes), Reader(new ContentLineReader(CategoryMap.Default), bytes));
        }
    }

    /// <summary>
    /// Differential: random mutations of simple lines (bytes dropped, inserted, replaced from a JSON-heavy
    /// alphabet). Whatever the line, the reader (fast path, then full parser) gives exactly the full
    /// parser's reason and record; and the fast path accepts only lines the full parser accepts.
    /// </summary>
    [Fact]
    public void Mutated_lines_read_exactly_as_the_full_parser_reads_them()
    {
        var random = new Random(20220401);
        var alphabet = Encoding.UTF8.GetBytes("{}[]\":,.-+0123456789eE \t\r\\untrfalsCAVODK_é\u0001");
        string[] seeds =
        [
            Simple,
            Line("""{"AppName":"VOD","Contract":"SGH100001","TotalDuration":1,"Mac":"AA-BB"}"""),
            "{\"_source\":{\"TotalDuration\":42,\"Contract\":\"C\",\"AppName\":\"RELAX\"},\"_score\":1.5e-3,\"ok\":true,\"no\":null}",
        ];
        var fast = new ContentLineFastPath(CategoryMap.Default);
        var reader = new ContentLineReader(CategoryMap.Default);
        int fastAccepted = 0, mutants = 0;
        foreach (var seed in seeds)
        {
            var original = Encoding.UTF8.GetBytes(seed);
            for (int n = 0; n < 20_000; n++)
            {
                var line = new List<byte>(original);
                for (int m = random.Next(1, 4); m > 0; m--)
                {
                    int at = random.Next(line.Count + 1);
                    switch (random.Next(3))
                    {
                        case 0 when at < line.Count: line.RemoveAt(at); break;
                        case 1: line.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                        default: if (at < line.Count) { line[at] = alphabet[random.Next(alphabet.Length)]; } break;
                    }
                }
                var bytes = line.ToArray();
                var expected = Full(bytes);
                if (fast.TryParse(bytes, out var record))
                {
                    fastAccepted++;
                    Assert.Equal(expected, (null, record.Contract.ToString(), record.Category, record.Duration, record.Mac.ToString()));
                }
                Assert.Equal(expected, Reader(reader, bytes));
                mutants++;
            }
        }
        // The mutations keep some lines simple and valid, so the fast path's acceptances were really compared.
        Assert.True(fastAccepted > mutants / 50, $"the fast path accepted only {fastAccepted} of {mutants}");
    }
}
