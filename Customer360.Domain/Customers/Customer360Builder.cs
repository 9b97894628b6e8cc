using System.Runtime.InteropServices;
using Customer360.Domain.Content;
using Customer360.Domain.Tables;

namespace Customer360.Domain.Customers;

/// <summary>
/// The single customer view (<c>customer_360</c>), the same semantics as the MySQL view of that name:
/// each contract's latest content profile joined with its user's latest top keyword, genre and trend. A
/// contract's user is its identity-map user, else the contract itself (and a user's contract likewise);
/// customers seen in only one stream still appear, with the other stream's columns empty.
/// </summary>
public static class Customer360Builder
{
    public const string TableName = "customer_360";

    /// <param name="search">Each user's latest search (<see cref="LatestSearch.AddUsers"/>).</param>
    public static OutputTable Build(IReadOnlyCollection<ContentProfileRow> content, IReadOnlyDictionary<string, LatestSearch> search, IReadOnlyList<IdentityLink> identity)
    {
        // Plain dictionaries and one sorted list of small structs, with columns read from the rows: at full
        // scale (≈1.9M contracts, 3.8M top keywords) groupings, trend rows for every user, a sorted tree and
        // copied columns cost more than the step's 1.5 GB budget.
        var latestContent = new Dictionary<string, ContentProfileRow>(content.Count, StringComparer.Ordinal);
        foreach (var row in content)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(latestContent, row.Contract, out bool exists);
            if (!exists || row.Month > slot!.Month)
            {
                slot = row;
            }
        }
        var userOf = identity.GroupBy(l => l.Contract, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(l => l.UserId).ToList(), StringComparer.Ordinal);
        var contractOf = identity.GroupBy(l => l.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(l => l.Contract).ToList(), StringComparer.Ordinal);

        var rows = new List<Customer360Row>(latestContent.Count + search.Count);
        void Add(string contract, string user) => rows.Add(new Customer360Row(contract, user,
            latestContent.GetValueOrDefault(contract), search.GetValueOrDefault(user)));
        foreach (var contract in latestContent.Keys)
        {
            foreach (var user in userOf.GetValueOrDefault(contract) ?? [contract])
            {
                Add(contract, user);
            }
        }
        foreach (var user in search.Keys)
        {
            foreach (var contract in contractOf.GetValueOrDefault(user) ?? [user])
            {
                Add(contract, user);
            }
        }
        rows.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Contract, b.Contract);
            return c != 0 ? c : string.CompareOrdinal(a.User, b.User);
        });
        DropAdjacentDuplicates(rows);

        return new OutputTable(TableName,
        [
            Column.OfText("contract", rows, r => r.Contract),
            Column.OfText("user_id", rows, r => r.User),
            Column.OfNullableInt32("content_month", rows, r => r.P?.Month),
            Column.OfNullableInt64("truyen_hinh", rows, r => r.P?.TruyenHinh),
            Column.OfNullableInt64("phim_truyen", rows, r => r.P?.PhimTruyen),
            Column.OfNullableInt64("giai_tri", rows, r => r.P?.GiaiTri),
            Column.OfNullableInt64("thieu_nhi", rows, r => r.P?.ThieuNhi),
            Column.OfNullableInt64("the_thao", rows, r => r.P?.TheThao),
            Column.OfNullableInt32("total_devices", rows, r => r.P?.TotalDevices),
            Column.OfNullableInt32("active_days", rows, r => r.P?.ActiveDays),
            Column.OfText("active_level", rows, r => r.P?.ActiveLevel),
            Column.OfText("most_watch", rows, r => r.P?.MostWatch),
            Column.OfText("taste", rows, r => r.P?.Taste),
            Column.OfNullableInt32("search_month", rows, r => r.S?.Month),
            Column.OfText("most_search", rows, r => r.S?.MostSearch),
            Column.OfText("category", rows, r => r.S?.Category),
            Column.OfText("category_source", rows, r => r.S?.CategorySource),
            Column.OfNullableInt32("trend_month_from", rows, r => r.S?.TrendMonthFrom),
            Column.OfNullableInt32("trend_month_to", rows, r => r.S?.TrendMonthTo),
            Column.OfText("category_from", rows, r => r.S?.CategoryFrom),
            Column.OfText("category_to", rows, r => r.S?.CategoryTo),
            Column.OfText("trending_type", rows, r => r.S?.TrendingType),
            Column.OfText("previous", rows, r => r.S?.Previous),
        ]);
    }

    /// <summary>A (contract, user) pair found from both streams is one row.</summary>
    private static void DropAdjacentDuplicates(List<Customer360Row> sorted)
    {
        int kept = 0;
        for (int i = 0; i < sorted.Count; i++)
        {
            if (kept == 0 || sorted[i].Contract != sorted[kept - 1].Contract || sorted[i].User != sorted[kept - 1].User)
            {
                sorted[kept++] = sorted[i];
            }
        }
        sorted.RemoveRange(kept, sorted.Count - kept);
    }

    private readonly record struct Customer360Row(string Contract, string User, ContentProfileRow? P, LatestSearch? S);
}
