namespace Customer360.Generation;

/// <summary>
/// The last step of generating a search day: rows put in time order (users interleaved, as an export
/// comes) and event ids renumbered in that order. Kept apart from what the rows contain.
/// </summary>
public static class SearchRowOrder
{
    /// <summary>
    /// Reorders every column by the <c>datetime</c> column (stable), the plans list column with it
    /// (<paramref name="planLevels"/>: 0 starts a row's list), and renumbers <c>eventID</c>
    /// (<c>YYYYMMDD-</c> prefix kept, the row number in hex after it).
    /// </summary>
    public static void ByTime(Dictionary<string, List<string?>> columns, List<string> plans, List<int> planLevels)
    {
        var times = columns["datetime"];
        int rows = times.Count;
        var order = Enumerable.Range(0, rows).ToArray();
        var keys = times.Select(t => t ?? "").ToArray();
        // Array.Sort is not stable: ties broken by the original row number.
        Array.Sort(order, (a, b) => string.CompareOrdinal(keys[a], keys[b]) is var c && c != 0 ? c : a.CompareTo(b));

        foreach (var column in columns.Values)
        {
            var copy = column.ToArray();
            for (int i = 0; i < rows; i++)
            {
                column[i] = copy[order[i]];
            }
        }

        var starts = new List<int>(rows + 1);
        for (int i = 0; i < planLevels.Count; i++)
        {
            if (planLevels[i] == 0)
            {
                starts.Add(i);
            }
        }
        if (starts.Count != rows)
        {
            throw new InvalidOperationException($"The plans column has {starts.Count} rows, the others {rows}.");
        }
        starts.Add(planLevels.Count);
        var oldPlans = plans.ToArray();
        var oldLevels = planLevels.ToArray();
        plans.Clear();
        planLevels.Clear();
        foreach (int row in order)
        {
            for (int j = starts[row]; j < starts[row + 1]; j++)
            {
                plans.Add(oldPlans[j]);
                planLevels.Add(oldLevels[j]);
            }
        }

        var ids = columns["eventID"];
        for (int i = 0; i < rows; i++)
        {
            var id = ids[i]!;
            ids[i] = string.Concat(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal) + 1), i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
