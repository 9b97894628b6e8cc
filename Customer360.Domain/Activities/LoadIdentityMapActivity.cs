using Customer360.Domain.Customers;
using Customer360.Domain.Flow;
using Customer360.Domain.WorkStore;

namespace Customer360.Domain.Activities;

/// <summary>
/// The identity-map step (<see cref="PipelineEnvironment.IdentityMap"/>, <c>C360_IDENTITY_MAP</c>), the same in every
/// host: reads and validates the CSV, replaces the warehouse's copy (MySQL <c>customer_identity</c>) when one is
/// configured, and keeps the validated map in the run's scratch for <c>customer_360</c>. A missing file or a
/// malformed line stops the run with the setting's name (and the line). Without a map: nothing to do.
/// </summary>
public sealed class LoadIdentityMapActivity(PipelineEnvironment environment) : IActivity<string, IdentityMapLoaded>
{
    /// <param name="input">The run id.</param>
    public async Task<IdentityMapLoaded> RunAsync(string input, CancellationToken cancellationToken)
    {
        if (environment.IdentityMap is not { } map)
        {
            return new IdentityMapLoaded(null, 0);
        }
        var where = $"{map.Setting}: '{map.Name}' in {map.Store.Location}";
        if (!await map.Store.ExistsAsync(map.Name, cancellationToken).ConfigureAwait(false))
        {
            throw new FileNotFoundException($"{map.Setting}: there is no '{map.Name}' in {map.Store.Location}; set it to a CSV with a {IdentityMapCsv.ContractColumn},{IdentityMapCsv.UserColumn} header, or leave it empty.");
        }
        List<IdentityLink> links;
        var stream = await map.Store.OpenReadAsync(map.Name, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var text = new StreamReader(stream);
            links = IdentityMapCsv.Read(text, where);
        }
        if (environment.IdentityMapSink is { } sink)
        {
            await sink.ReplaceAsync(links, cancellationToken).ConfigureAwait(false);
        }
        var name = await new Customer360Handoff(environment.Work).WriteIdentityMapAsync(input, links, cancellationToken).ConfigureAwait(false);
        return new IdentityMapLoaded(name, links.Count);
    }
}
