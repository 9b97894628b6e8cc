using System.CommandLine;
using Customer360.Cli.Commands;
using Customer360.Domain.Customers;
using Customer360.Domain.Search;
using Customer360.Generation;

namespace Customer360.Tests.Cli;

[Collection(ConsoleTests.Name)]
public class DemoCommandTests
{
    [Fact]
    public async Task The_demo_joins_content_and_search_through_the_generated_identity_map_for_most_customers()
    {
        using var temp = new TempFolder();
        var root = new RootCommand { DemoCommand.Create() };
        Assert.Equal(0, await root.Parse(["demo", "--dir", temp.Path]).InvokeAsync());

        var output = Path.Combine(temp.Path, "out");
        var mapPath = Path.Combine(temp.Path, "data", IdentityMapGenerator.FileName);
        List<IdentityLink> map;
        using (var mapText = File.OpenText(mapPath))
        {
            map = IdentityMapCsv.Read(mapText, mapPath);
        }
        var contracts = OutputFiles.ReadContentProfile(output).Select(r => r.Contract).ToHashSet(StringComparer.Ordinal);
        var users = OutputFiles.ReadCsvRows(output, SearchTables.TopKeyword).Select(r => r[SearchTables.TopKeywordSchema.ColumnNames.ToList().IndexOf("user_id")]).ToHashSet(StringComparer.Ordinal);
        var rows = OutputFiles.ReadCsvRows(output, Customer360Builder.TableName);
        var columns = Customer360Builder.Schema.ColumnNames.ToList();
        int contractColumn = columns.IndexOf("contract"), userColumn = columns.IndexOf("user_id");
        int contentMonth = columns.IndexOf("content_month"), searchMonth = columns.IndexOf("search_month");

        // Rows with both streams are exactly the map's links between a contract that watched and a user that searched.
        var both = rows.Where(r => r[contentMonth].Length > 0 && r[searchMonth].Length > 0).Select(r => (r[contractColumn], r[userColumn])).ToHashSet();
        var joinable = map.Where(l => contracts.Contains(l.Contract) && users.Contains(l.UserId)).Select(l => (l.Contract, l.UserId)).ToHashSet();
        Assert.True(joinable.SetEquals(both), $"{both.Count} rows with both streams, {joinable.Count} joinable links");

        // Most customers have both (the small scale has 3 contracts to 2 search users, so about a third of the
        // contracts cannot have an account); before the map, no row had both.
        double share = (double)both.Count / rows.Count;
        Assert.True(share > 0.5, $"{both.Count} of {rows.Count} customer_360 rows ({share:P1}) have content and search");
        // Every contract that watched, and every user that searched, is in the view.
        Assert.True(contracts.IsSubsetOf(rows.Select(r => r[contractColumn])));
        Assert.True(users.IsSubsetOf(rows.Select(r => r[userColumn])));
    }
}
