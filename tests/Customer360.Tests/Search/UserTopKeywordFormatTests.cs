using Customer360.Domain.Search;

namespace Customer360.Tests.Search;

/// <summary>A shard result read row by row (<see cref="UserTopKeyword.ReadEach"/>) gives what was written, as the list reader does.</summary>
public class UserTopKeywordFormatTests
{
    [Fact]
    public void ReadEach_gives_every_row_as_written_including_long_and_non_ascii_strings()
    {
        var rows = new List<UserTopKeyword>
        {
            new(202206, "U1", "phim hành động", 3),
            new(202206, "người dùng-" + new string('ữ', 300), "k" + new string('x', 1000), long.MaxValue),
            new(202207, "U1", "", 1),
            new(202207, "U2", "🎬 trailer", 42),
        };
        using var stream = new MemoryStream();
        UserTopKeyword.WriteAll(stream, rows);

        var read = new List<UserTopKeyword>();
        UserTopKeyword.ReadEach(new MemoryStream(stream.ToArray()), (month, user, keyword, count) =>
            read.Add(new UserTopKeyword(month, new string(user), new string(keyword), count)));
        var listed = new List<UserTopKeyword>();
        UserTopKeyword.ReadAll(new MemoryStream(stream.ToArray()), listed);

        Assert.Equal(rows, read);
        Assert.Equal(rows, listed);
        Assert.Equal(rows.Count, UserTopKeyword.ReadCount(new MemoryStream(stream.ToArray())));
    }
}
