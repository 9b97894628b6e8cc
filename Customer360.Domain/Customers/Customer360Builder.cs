using Customer360.Domain.Content;
using Customer360.Domain.Search;
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

    public static OutputTable Build(IEnumerable<ContentProfileRow> content, IEnumerable<TopKeywordRow> tops, IEnumerable<TrendRow> trend, IReadOnlyList<IdentityLink> identity)
    {
        var latestContent = content.GroupBy(r => r.Contract, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Month)!, StringComparer.Ordinal);
        var latestTop = tops.GroupBy(r => r.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Month)!, StringComparer.Ordinal);
        var latestTrend = trend.GroupBy(r => r.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(r => r.MonthTo)!, StringComparer.Ordinal);
        var userOf = identity.GroupBy(l => l.Contract, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(l => l.UserId).ToList(), StringComparer.Ordinal);
        var contractOf = identity.GroupBy(l => l.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(l => l.Contract).ToList(), StringComparer.Ordinal);

        var keys = new SortedSet<(string Contract, string User)>(Comparer<(string, string)>.Create((a, b) =>
        {
            int c = string.CompareOrdinal(a.Item1, b.Item1);
            return c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2);
        }));
        foreach (var contract in latestContent.Keys)
        {
            foreach (var user in userOf.GetValueOrDefault(contract) ?? [contract])
            {
                keys.Add((contract, user));
            }
        }
        foreach (var user in latestTop.Keys)
        {
            foreach (var contract in contractOf.GetValueOrDefault(user) ?? [user])
            {
                keys.Add((contract, user));
            }
        }

        var rows = keys.Select(k => (k.Contract, k.User, P: latestContent.GetValueOrDefault(k.Contract), T: latestTop.GetValueOrDefault(k.User), R: latestTrend.GetValueOrDefault(k.User))).ToList();
        return new OutputTable(TableName,
        [
            new StringColumn("contract", rows.Select(r => r.Contract).ToArray()),
            new StringColumn("user_id", rows.Select(r => r.User).ToArray()),
            new NullableInt32Column("content_month", rows.Select(r => r.P?.Month).ToArray()),
            new NullableInt64Column("truyen_hinh", rows.Select(r => r.P?.TruyenHinh).ToArray()),
            new NullableInt64Column("phim_truyen", rows.Select(r => r.P?.PhimTruyen).ToArray()),
            new NullableInt64Column("giai_tri", rows.Select(r => r.P?.GiaiTri).ToArray()),
            new NullableInt64Column("thieu_nhi", rows.Select(r => r.P?.ThieuNhi).ToArray()),
            new NullableInt64Column("the_thao", rows.Select(r => r.P?.TheThao).ToArray()),
            new NullableInt32Column("total_devices", rows.Select(r => r.P?.TotalDevices).ToArray()),
            new NullableInt32Column("active_days", rows.Select(r => r.P?.ActiveDays).ToArray()),
            new StringColumn("active_level", rows.Select(r => r.P?.ActiveLevel).ToArray()),
            new StringColumn("most_watch", rows.Select(r => r.P?.MostWatch).ToArray()),
            new StringColumn("taste", rows.Select(r => r.P?.Taste).ToArray()),
            new NullableInt32Column("search_month", rows.Select(r => r.T?.Month).ToArray()),
            new StringColumn("most_search", rows.Select(r => r.T?.MostSearch).ToArray()),
            new StringColumn("category", rows.Select(r => r.T?.Category).ToArray()),
            new StringColumn("category_source", rows.Select(r => r.T?.CategorySource).ToArray()),
            new NullableInt32Column("trend_month_from", rows.Select(r => r.R?.MonthFrom).ToArray()),
            new NullableInt32Column("trend_month_to", rows.Select(r => r.R?.MonthTo).ToArray()),
            new StringColumn("category_from", rows.Select(r => r.R?.CategoryFrom).ToArray()),
            new StringColumn("category_to", rows.Select(r => r.R?.CategoryTo).ToArray()),
            new StringColumn("trending_type", rows.Select(r => r.R?.TrendingType).ToArray()),
            new StringColumn("previous", rows.Select(r => r.R?.Previous).ToArray()),
        ]);
    }
}
