using System.Text;
using System.Text.Json;
using Customer360.Domain.Content;
using Customer360.Domain.Flow;
using Customer360.Domain.Search;
using Customer360.Domain.Storage;

namespace Customer360.Domain.Reporting.Html;

/// <summary>What the HTML report is computed from: the output tables and the run report of one output folder.</summary>
public sealed record ReportData(RunReport? Run, IReadOnlyList<ContentProfileRow> Content, IReadOnlyList<TopKeywordRow> TopKeywords, IReadOnlyList<TrendRow> Trend)
{
    /// <summary>Loads whatever of the outputs exists in <paramref name="store"/> (a folder or a blob container).</summary>
    public static async Task<ReportData> LoadAsync(IBlobStore store, CancellationToken cancellationToken)
    {
        RunReport? run = null;
        if (await store.ExistsAsync("run_report.json", cancellationToken).ConfigureAwait(false))
        {
            var stream = await store.OpenReadAsync("run_report.json", cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                run = await JsonSerializer.DeserializeAsync<RunReport>(stream, FlowJson.Options, cancellationToken).ConfigureAwait(false);
            }
        }
        return new ReportData(
            run,
            await ReadCsvAsync(store, ContentProfileTable.Name + ".csv", t => ContentProfileCsv.Read(t, ContentProfileTable.Name), cancellationToken).ConfigureAwait(false),
            await ReadCsvAsync(store, SearchTables.TopKeyword + ".csv", SearchTablesCsv.ReadTopKeywords, cancellationToken).ConfigureAwait(false),
            await ReadCsvAsync(store, SearchTables.Trend + ".csv", SearchTablesCsv.ReadTrend, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<List<T>> ReadCsvAsync<T>(IBlobStore store, string name, Func<TextReader, List<T>> read, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }
        var stream = await store.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var text = new StreamReader(stream, Encoding.UTF8);
            return read(text);
        }
    }
}
