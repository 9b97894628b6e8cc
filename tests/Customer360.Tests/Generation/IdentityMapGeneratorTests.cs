using Customer360.Domain.Customers;
using Customer360.Generation;

namespace Customer360.Tests.Generation;

public class IdentityMapGeneratorTests
{
    [Fact]
    public void Most_contracts_get_one_account_some_two_or_three_and_a_few_accounts_have_no_contract()
    {
        const int contracts = 20_000, users = 20_000;
        var links = new IdentityMapGenerator(5, contracts, users).Links().ToList();

        // Every account belongs to one contract at most, and the ids are the generators' own.
        Assert.Equal(links.Count, links.Select(l => l.UserId).Distinct(StringComparer.Ordinal).Count());
        var contractIds = Enumerable.Range(0, contracts).Select(ContentLogGenerator.ContractId).ToHashSet(StringComparer.Ordinal);
        var userIds = Enumerable.Range(0, users).Select(SearchLogGenerator.UserId).ToHashSet(StringComparer.Ordinal);
        Assert.All(links, l => Assert.Contains(l.Contract, contractIds));
        Assert.All(links, l => Assert.Contains(l.UserId, userIds));

        double withoutContract = 1 - ((double)links.Count / users);
        Assert.InRange(withoutContract, IdentityMapGenerator.UsersWithoutContractShare - 0.01, IdentityMapGenerator.UsersWithoutContractShare + 0.01);

        var accounts = links.GroupBy(l => l.Contract, StringComparer.Ordinal).Select(g => g.Count()).ToList();
        Assert.InRange(accounts.Max(), 2, 3);
        Assert.InRange((double)accounts.Count(a => a == 1) / accounts.Count, 0.80, 0.90);
        Assert.InRange((double)accounts.Count(a => a >= 2) / accounts.Count, 0.10, 0.20);
        // As many accounts as contracts: with one account in twenty not linked and some households holding
        // two or three, a share of the contracts (TV-only households) has none.
        Assert.InRange(1 - ((double)accounts.Count / contracts), 0.15, 0.30);
    }

    [Fact]
    public void Contracts_get_their_accounts_in_a_shuffled_order_not_by_id()
    {
        var linked = new IdentityMapGenerator(5, 3_000, 2_000).Links().Select(l => l.Contract).Distinct().ToList();
        var indexOf = Enumerable.Range(0, 3_000).ToDictionary(ContentLogGenerator.ContractId, i => i, StringComparer.Ordinal);
        var indices = linked.Select(c => indexOf[c]).ToList();
        // Not the first contracts by id: the linked ones are spread over the whole range.
        Assert.True(indices.Max() > 2_700 && indices.Min() < 300, $"linked contracts span {indices.Min()}–{indices.Max()}");
    }

    [Fact]
    public void The_file_reads_back_as_the_same_links_and_is_the_same_for_a_seed()
    {
        using var temp = new TempFolder();
        var generator = new IdentityMapGenerator(42, 3_000, 2_000);
        var path = generator.Write(temp.Sub("a"));
        Assert.Equal(IdentityMapGenerator.FileName, Path.GetFileName(path));
        using (var text = File.OpenText(path))
        {
            Assert.Equal(generator.Links(), IdentityMapCsv.Read(text, path));
        }
        Assert.StartsWith("contract,user_id\r\n", File.ReadAllText(path), StringComparison.Ordinal);

        var again = new IdentityMapGenerator(42, 3_000, 2_000).Write(temp.Sub("b"));
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
        Assert.NotEqual(generator.Links(), new IdentityMapGenerator(43, 3_000, 2_000).Links());
    }
}
