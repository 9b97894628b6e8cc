using Customer360.Domain.Activities;
using Customer360.Domain.Storage;

namespace Customer360.Cli;

/// <summary>
/// The local stand-in for the blob trigger: polls content/ and search/ in a store, and once drops have
/// been quiet for a while runs the months they belong to, once. A file seen again with the same ETag is
/// not a change; a re-uploaded file (new ETag) re-runs its month, and its partial replaces the old one.
/// </summary>
public sealed class BlobDropWatcher(IBlobStore store, TimeSpan poll, TimeSpan quiet, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    /// <summary>Watches until cancelled or until <paramref name="maxRuns"/> runs have been made; returns the runs made.</summary>
    public async Task<int> WatchAsync(Func<IReadOnlyList<int>, CancellationToken, Task> runMonths, int? maxRuns, CancellationToken cancellationToken)
    {
        var pending = new SortedSet<int>();
        var lastChange = _time.GetUtcNow();
        int runs = 0;
        while (!cancellationToken.IsCancellationRequested && (maxRuns is null || runs < maxRuns))
        {
            foreach (var month in await ChangedMonthsAsync(cancellationToken).ConfigureAwait(false))
            {
                pending.Add(month);
                lastChange = _time.GetUtcNow();
            }
            if (pending.Count > 0 && _time.GetUtcNow() - lastChange >= quiet)
            {
                var months = pending.ToList();
                pending.Clear();
                await runMonths(months, cancellationToken).ConfigureAwait(false);
                runs++;
                continue;
            }
            await Task.Delay(poll, _time, cancellationToken).ConfigureAwait(false);
        }
        return runs;
    }

    /// <summary>Months of files that are new or changed (by ETag) since the last look.</summary>
    private async Task<List<int>> ChangedMonthsAsync(CancellationToken cancellationToken)
    {
        var months = new List<int>();
        await foreach (var item in store.ListAsync("", cancellationToken).ConfigureAwait(false))
        {
            // The same rule as the plan step and the Azure blob trigger: a file that starts a run is one the run reads.
            int? month = LogDropLayout.MonthOf(item.Name);
            if (month is null || (_seen.TryGetValue(item.Name, out var etag) && etag == item.ETag))
            {
                continue;
            }
            _seen[item.Name] = item.ETag;
            months.Add(month.Value);
        }
        return months;
    }
}
