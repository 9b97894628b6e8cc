using System.Numerics;

namespace Customer360.Domain.Content;

/// <summary>Turns a contract's month aggregate into its profile row (DESIGN §4).</summary>
public static class ContentProfileCalculator
{
    public const int DefaultHighActivityDays = 15;
    public const string High = "High";
    public const string Low = "Low";

    /// <summary>The Taste of each set of watched categories (bit c set: category c has seconds), built once.</summary>
    private static readonly string[] Tastes = BuildTastes();

    public static ContentProfileRow Build(int month, string contract, ContractActivity activity, int highActivityDays) =>
        Build(month, contract, activity.Seconds, activity.DayMask, activity.Devices.Count, highActivityDays);

    /// <summary>The row of a contract with these month totals: seconds per category (column order), active days as bits, distinct devices.</summary>
    public static ContentProfileRow Build(int month, string contract, ReadOnlySpan<long> seconds, uint dayMask, int devices, int highActivityDays)
    {
        var s = seconds;
        int activeDays = BitOperations.PopCount(dayMask);

        // Ties go to the category that comes first in the MostWatch order: only a strictly larger total wins.
        var order = ContentCategories.MostWatchTieOrder;
        var most = order[0];
        for (int i = 1; i < order.Count; i++)
        {
            if (s[(int)order[i]] > s[(int)most])
            {
                most = order[i];
            }
        }

        int watched = 0;
        for (int c = 0; c < ContentCategories.Count; c++)
        {
            if (s[c] > 0)
            {
                watched |= 1 << c;
            }
        }

        return new ContentProfileRow(
            month, contract, s[0], s[1], s[2], s[3], s[4],
            devices,
            activeDays,
            activeDays >= highActivityDays ? High : Low,
            ContentCategories.DisplayName(most),
            Tastes[watched]);
    }

    private static string[] BuildTastes()
    {
        var tastes = new string[1 << ContentCategories.Count];
        for (int watched = 0; watched < tastes.Length; watched++)
        {
            tastes[watched] = string.Join('-', ContentCategories.TasteOrder.Where(c => (watched & (1 << (int)c)) != 0).Select(ContentCategories.DisplayName));
        }
        return tastes;
    }
}
