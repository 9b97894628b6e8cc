using Customer360.Domain.Customers;

namespace Customer360.Tests.Customers;

/// <summary>The identity map is read strictly: every malformed line is an error naming the source and the line.</summary>
public class IdentityMapCsvTests
{
    private static List<IdentityLink> Read(string text) => IdentityMapCsv.Read(new StringReader(text), "map.csv");

    private static string Error(string text) => Assert.Throws<InvalidDataException>(() => Read(text)).Message;

    [Fact]
    public void Reads_pairs_exactly_as_written_with_the_columns_in_any_order()
    {
        Assert.Equal([new IdentityLink("C1", "U1"), new IdentityLink("C1", "U2"), new IdentityLink(" C3", "u3")],
            Read("contract,user_id\nC1,U1\nC1,U2\n C3,u3\n"));
        Assert.Equal([new IdentityLink("C1", "U1")], Read("user_id,contract\nU1,C1\n"));
        Assert.Empty(Read("contract,user_id\n"));
        // Windows line ends and a final line end are fine.
        Assert.Equal([new IdentityLink("C1", "U1"), new IdentityLink("C2", "U2")], Read("contract,user_id\r\nC1,U1\r\nC2,U2\r\n"));
    }

    [Theory]
    [InlineData("contract,user\nC1,U1\n", "map.csv: line 1 must be the header contract,user_id; it has no 'user_id' column.")]
    [InlineData("contract,user_id\nC1,U1\nC2\n", "map.csv: line 3 has 1 fields; expected 2 (contract,user_id).")]
    [InlineData("contract,user_id\nC1,U1\nC2,U2,extra\n", "map.csv: line 3 has 3 fields; expected 2 (contract,user_id).")]
    [InlineData("contract,user_id\nC1,U1\n,U2\n", "map.csv: line 3 has an empty contract.")]
    [InlineData("contract,user_id\nC1,\n", "map.csv: line 2 has an empty user_id.")]
    [InlineData("contract,user_id\nC1,U1\nC2,U2\nC1,U1\n", "map.csv: line 4 repeats the pair (C1, U1) of line 2.")]
    [InlineData("contract,user_id\nC1,U1\n\nC2,U2\n", "map.csv: line 3 has 1 fields; expected 2 (contract,user_id).")]
    public void A_malformed_line_is_an_error_with_its_line_number(string text, string message)
    {
        Assert.Equal(message, Error(text));
    }
}
