using System.Numerics;

namespace Customer360.Domain.Content;

/// <summary>Turns a contract's month aggregate into its profile row (DESIGN §4).</summary>
public static class ContentProfileCalculator
{
    public const int DefaultHighActivityDays = 15;
    public const string High = "High";
    public const string Low = "Low";

    public static ContentProfileRow Build(int month, string contract, ContractActivity activity, int highActivityDays)
    {
        var s = activity.Seconds;
        int activeDays = BitOperations.PopCount(activity.DayMask);

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

        var taste = string.Join('-', ContentCategories.TasteOrder.Where(c => s[(int)c] > 0).Select(ContentCategories.DisplayName));

        return new ContentProfileRow(
            month, contract, s[0], s[1], s[2], s[3], s[4],
            activity.Devices.Count,
            activeDays,
            activeDays >= highActivityDays ? High : Low,
            ContentCategories.DisplayName(most),
            taste);
    }
}
