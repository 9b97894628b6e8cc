using System.Text;
using Customer360.Domain.Content;
using Customer360.Domain.Customers;
using Customer360.Domain.Storage;

namespace Customer360.Domain.WorkStore;

/// <summary>
/// What <c>customer_360</c> needs, handed over in a run's scratch by the steps that already hold it: each
/// contract's latest content row (the content load), each user's latest search (the search load), the validated
/// identity map (its load step). So the customer view never reads a shard result again.
/// </summary>
public sealed class Customer360Handoff(IBlobStore work)
{
    public async Task<string> WriteContentSideAsync(string runId, IReadOnlyCollection<ContentProfileRow> latestByContract, CancellationToken cancellationToken)
    {
        var name = WorkNames.Customer360ContentSide(runId);
        await work.WriteAsync(name, (s, _) =>
        {
            ContentProfileRowFormat.Write(s, latestByContract);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public Task<List<ContentProfileRow>> ReadContentSideAsync(string name, CancellationToken cancellationToken) =>
        work.ReadAllAsync<ContentProfileRow>([name], ContentProfileRowFormat.ReadInto, cancellationToken);

    public async Task<string> WriteSearchSideAsync(string runId, IReadOnlyDictionary<string, LatestSearch> latestByUser, CancellationToken cancellationToken)
    {
        var name = WorkNames.Customer360SearchSide(runId);
        await work.WriteAsync(name, (s, _) =>
        {
            using var writer = Writer(s);
            writer.Write(latestByUser.Count);
            foreach (var (user, l) in latestByUser)
            {
                writer.Write(user);
                writer.Write(l.Month);
                writer.Write(l.MostSearch);
                writer.Write(l.Genre);
                writer.Write(l.GenreSource);
                writer.Write(l.TrendMonthFrom is not null);
                if (l.TrendMonthFrom is { } from)
                {
                    writer.Write(from);
                    writer.Write(l.TrendMonthTo!.Value);
                    writer.Write(l.GenreFrom!);
                    writer.Write(l.GenreTo!);
                }
            }
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public async Task<Dictionary<string, LatestSearch>> ReadSearchSideAsync(string name, CancellationToken cancellationToken)
    {
        var stream = await work.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = Reader(stream);
            int count = reader.ReadInt32();
            var users = new Dictionary<string, LatestSearch>(count, StringComparer.Ordinal);
            // Keywords and genres repeat across users: one string each (a pool of this read, not the process-wide intern table).
            var pool = new StringPool();
            for (int i = 0; i < count; i++)
            {
                var user = reader.ReadString();
                int month = reader.ReadInt32();
                string keyword = pool.Get(reader.ReadString()), genre = pool.Get(reader.ReadString()), source = pool.Get(reader.ReadString());
                users.Add(user, reader.ReadBoolean()
                    ? new LatestSearch(month, keyword, genre, source, reader.ReadInt32(), reader.ReadInt32(), pool.Get(reader.ReadString()), pool.Get(reader.ReadString()))
                    : new LatestSearch(month, keyword, genre, source, null, null, null, null));
            }
            return users;
        }
    }

    public async Task<string> WriteIdentityMapAsync(string runId, IReadOnlyCollection<IdentityLink> links, CancellationToken cancellationToken)
    {
        var name = WorkNames.IdentityMap(runId);
        await work.WriteAsync(name, (s, _) =>
        {
            using var writer = Writer(s);
            writer.Write(links.Count);
            foreach (var link in links)
            {
                writer.Write(link.Contract);
                writer.Write(link.UserId);
            }
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public async Task<List<IdentityLink>> ReadIdentityMapAsync(string name, CancellationToken cancellationToken)
    {
        var stream = await work.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = Reader(stream);
            int count = reader.ReadInt32();
            var links = new List<IdentityLink>(count);
            for (int i = 0; i < count; i++)
            {
                links.Add(new IdentityLink(reader.ReadString(), reader.ReadString()));
            }
            return links;
        }
    }

    private static BinaryWriter Writer(Stream stream) => new(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);

    private static BinaryReader Reader(Stream stream) => new(new BufferedStream(stream, 1 << 16), Encoding.UTF8, leaveOpen: false);
}
