using System.Text;
using Customer360.Domain.Customers;

namespace Customer360.Generation;

/// <summary>
/// The identity map of the synthetic dataset: which search users (<see cref="SearchLogGenerator.UserId"/>)
/// belong to which content contracts (<see cref="ContentLogGenerator.ContractId"/>), in the
/// <c>contract,user_id</c> CSV that <see cref="IdentityMapCsv"/> reads. Shaped like a pay-TV operator's
/// accounts: a household's contract has one app account (most), two or three (family members with their own
/// login); some accounts have no contract (an app-only subscription, a trial); the contracts left without an
/// account are households that watch on the box and never search. Contracts get their accounts in a seeded
/// random order, so which contracts have none does not follow the id. Deterministic for a seed.
/// </summary>
public sealed class IdentityMapGenerator(int seed, int contracts, int users)
{
    /// <summary>The file <c>generate</c> writes beside <c>content/</c> and <c>search/</c>.</summary>
    public const string FileName = "identity_map.csv";

    /// <summary>Share of search users with no contract (app-only accounts).</summary>
    public const double UsersWithoutContractShare = 0.05;

    /// <summary>How many accounts a contract that has any gets, cumulatively: 1 (85 %), 2 (13 %), 3 (2 %).</summary>
    private static readonly double[] AccountsPerContractCumulative = [0.85, 0.98, 1.0];

    /// <summary>The links, contract by contract in the seeded order (lazily: 1.8M at full scale).</summary>
    public IEnumerable<IdentityLink> Links()
    {
        var order = ContractOrder();
        int next = 0, left = 0;
        string? contract = null;
        for (int u = 0; u < users; u++)
        {
            var rng = SplitMix64.For(seed, -4, u);
            if (rng.NextDouble() < UsersWithoutContractShare)
            {
                continue;
            }
            if (left == 0)
            {
                if (next == order.Length)
                {
                    yield break; // more accounts than the contracts can hold: the rest have none
                }
                int index = order[next++];
                contract = ContentLogGenerator.ContractId(index);
                left = AccountsFor(index);
            }
            left--;
            yield return new IdentityLink(contract!, SearchLogGenerator.UserId(u));
        }
    }

    /// <summary>Writes <see cref="FileName"/> into <paramref name="directory"/> (UTF-8 without BOM, CRLF, RFC 4180); returns its path.</summary>
    public string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" };
        // Ids are letters and digits only: nothing to quote.
        writer.WriteLine("contract,user_id");
        foreach (var link in Links())
        {
            writer.Write(link.Contract);
            writer.Write(',');
            writer.WriteLine(link.UserId);
        }
        return path;
    }

    private int AccountsFor(int contract)
    {
        double x = SplitMix64.For(seed, -5, contract).NextDouble();
        int accounts = 1;
        while (x >= AccountsPerContractCumulative[accounts - 1])
        {
            accounts++;
        }
        return accounts;
    }

    /// <summary>Every contract index once, shuffled (Fisher–Yates).</summary>
    private int[] ContractOrder()
    {
        var order = new int[contracts];
        for (int i = 0; i < contracts; i++)
        {
            order[i] = i;
        }
        var rng = SplitMix64.For(seed, -3, 0);
        for (int i = contracts - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
