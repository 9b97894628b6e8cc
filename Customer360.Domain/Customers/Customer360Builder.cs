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

    /// <summary>The table, defined once. Not monthly: it describes a run (in MySQL, <c>customer_360</c> is a view over all months).</summary>
    public static TableSchema Schema => RowSchema;

    private static readonly TableSchema<Customer360Row> RowSchema = new(TableName,
    [
        TableColumns.Text<Customer360Row>("contract", r => r.Contract),
        TableColumns.Text<Customer360Row>("user_id", r => r.User),
        TableColumns.OptionalNumber<Customer360Row>("content_month", r => r.P?.Month),
        TableColumns.OptionalLongNumber<Customer360Row>("truyen_hinh", r => r.P?.TruyenHinh),
        TableColumns.OptionalLongNumber<Customer360Row>("phim_truyen", r => r.P?.PhimTruyen),
        TableColumns.OptionalLongNumber<Customer360Row>("giai_tri", r => r.P?.GiaiTri),
        TableColumns.OptionalLongNumber<Customer360Row>("thieu_nhi", r => r.P?.ThieuNhi),
        TableColumns.OptionalLongNumber<Customer360Row>("the_thao", r => r.P?.TheThao),
        TableColumns.OptionalNumber<Customer360Row>("total_devices", r => r.P?.TotalDevices),
        TableColumns.OptionalNumber<Customer360Row>("active_days", r => r.P?.ActiveDays),
        TableColumns.Text<Customer360Row>("active_level", r => r.P?.ActiveLevel),
        TableColumns.Text<Customer360Row>("most_watch", r => r.P?.MostWatch),
        TableColumns.Text<Customer360Row>("taste", r => r.P?.Taste),
        TableColumns.OptionalNumber<Customer360Row>("search_month", r => r.S?.Month),
        TableColumns.Text<Customer360Row>("most_search", r => r.S?.MostSearch),
        TableColumns.Text<Customer360Row>("category", r => r.S?.Genre),
        TableColumns.Text<Customer360Row>("category_source", r => r.S?.GenreSource),
        TableColumns.OptionalNumber<Customer360Row>("trend_month_from", r => r.S?.TrendMonthFrom),
        TableColumns.OptionalNumber<Customer360Row>("trend_month_to", r => r.S?.TrendMonthTo),
        TableColumns.Text<Customer360Row>("category_from", r => r.S?.GenreFrom),
        TableColumns.Text<Customer360Row>("category_to", r => r.S?.GenreTo),
        TableColumns.Text<Customer360Row>("trending_type", r => r.S?.TrendingType),
        TableColumns.Text<Customer360Row>("previous", r => r.S?.Previous),
    ]);

    /// <param name="search">Each user's latest search (<see cref="LatestSearch.AddUsers"/>).</param>
    public static OutputTable Build(IReadOnlyCollection<ContentProfileRow> content, IReadOnlyDictionary<string, LatestSearch> search, IReadOnlyList<IdentityLink> identity)
    {
        // Plain dictionaries and one sorted list of small structs, with columns read from the rows: at full
        // scale (≈1.9M contracts, 3.8M top keywords) groupings, trend rows for every user, a sorted tree and
        // copied columns cost more than the step's 1.5 GB budget.
        var latestContent = LatestContent(content);
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

        return RowSchema.Table(rows);
    }

    /// <summary>Each contract's latest content row, in first-seen order (what the content load hands to this view).</summary>
    public static IReadOnlyCollection<ContentProfileRow> LatestByContract(IReadOnlyCollection<ContentProfileRow> content) => LatestContent(content).Values;

    private static Dictionary<string, ContentProfileRow> LatestContent(IReadOnlyCollection<ContentProfileRow> content)
    {
        var latest = new Dictionary<string, ContentProfileRow>(content.Count, StringComparer.Ordinal);
        foreach (var row in content)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(latest, row.Contract, out bool exists);
            if (!exists || row.Month > slot!.Month)
            {
                slot = row;
            }
        }
        return latest;
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
}
