using System.Globalization;
using System.Text;
using Customer360.Domain.Content;
using Customer360.Domain.Sharding;

namespace Customer360.Tests.Content;

/// <summary>
/// The map's day aggregator and the reduce's shard reducer against plain reference models: a dictionary of
/// <see cref="ContractActivity"/> per contract, partials written field by field with <see cref="BinaryWriter"/>
/// (the layout's original writer), and the reduce through <see cref="ContentPartialFormat"/>'s dictionary
/// reader and <see cref="ContentProfileCalculator"/>. Random interleaved records, with the shapes the new
/// code treats apart: long and non-ASCII contracts, contracts read with and without their UTF-8 bytes, more
/// than two devices, devices that are not 12 hex digits.
/// </summary>
public class ContentMapReduceDifferentialTests
{
    private sealed record Record(string Contract, ContentCategory Category, long Duration, string Mac);

    private static List<Record> RandomDay(Random random, int count, int contracts)
    {
        const string hex = "0123456789ABCDEF";
        string Contract()
        {
            int n = random.Next(contracts);
            return (n % 13) switch
            {
                0 => "Hà Nội-" + n.ToString(CultureInfo.InvariantCulture),
                1 => "CONTRACT-WITH-A-LONG-NAME-" + n.ToString(CultureInfo.InvariantCulture),
                2 => new string('L', 70) + n.ToString(CultureInfo.InvariantCulture), // past the map's batch: applied on its own, in order
                _ => "SGH" + n.ToString("D6", CultureInfo.InvariantCulture),
            };
        }
        string Mac(string contract) => random.Next(12) switch
        {
            0 => "",
            1 => "dev-" + random.Next(3).ToString(CultureInfo.InvariantCulture),
            2 => "Ä" + random.Next(2).ToString(CultureInfo.InvariantCulture),
            // A contract's devices: a few per contract, sometimes more than two.
            _ => string.Concat(Enumerable.Range(0, 12).Select(i => hex[(contract.GetHashCode(StringComparison.Ordinal) + (i * 7) + random.Next(random.Next(5) == 0 ? 5 : 2)) & 15])),
        };
        var records = new List<Record>(count);
        for (int i = 0; i < count; i++)
        {
            var contract = Contract();
            long duration = random.Next(100) == 0 ? long.MaxValue - random.Next(10) : random.Next(1, 5000);
            records.Add(new Record(contract, (ContentCategory)random.Next(ContentCategories.Count), duration, Mac(contract)));
        }
        return records;
    }

    private static ContentDayAggregator Aggregate(IEnumerable<Record> records, DateOnly date, Random random)
    {
        var day = new ContentDayAggregator(date);
        foreach (var r in records)
        {
            // As the fast path gives a record (with the contract's raw bytes) or as the full parser does (chars only).
            var utf8 = random.Next(2) == 0 ? Encoding.UTF8.GetBytes(r.Contract) : [];
            day.Add(new ContentLineRecord(r.Contract, utf8, r.Category, r.Duration, r.Mac));
        }
        return day;
    }

    /// <summary>The reference day: contracts in first-seen order, the old per-contract objects.</summary>
    private static List<(string Contract, ContractActivity Activity)> ReferenceDay(IEnumerable<Record> records, DateOnly date)
    {
        var order = new List<(string, ContractActivity)>();
        var byContract = new Dictionary<string, ContractActivity>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (!byContract.TryGetValue(r.Contract, out var activity))
            {
                byContract[r.Contract] = activity = new ContractActivity { DayMask = 1u << (date.Day - 1) };
                order.Add((r.Contract, activity));
            }
            activity.Seconds[(int)r.Category] = WatchSeconds.Add(activity.Seconds[(int)r.Category], r.Duration);
            activity.AddDevice(r.Mac.AsSpan());
        }
        return order;
    }

    /// <summary>A partial as the original BinaryWriter code wrote it.</summary>
    private static byte[] ReferencePartial(int month, List<(string Contract, ContractActivity Activity)> contracts)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0x50_30_36_43);
            writer.Write((byte)1);
            writer.Write(month);
            writer.Write(contracts.Count);
            foreach (var (contract, activity) in contracts)
            {
                writer.Write(contract);
                foreach (var value in activity.Seconds)
                {
                    writer.Write7BitEncodedInt64(value);
                }
                writer.Write(activity.DayMask);
                writer.Write7BitEncodedInt(activity.Devices.Count);
                foreach (var device in activity.Devices)
                {
                    writer.Write(device);
                }
            }
        }
        return memory.ToArray();
    }

    /// <summary>Shard <paramref name="shard"/> of <paramref name="shards"/> of the day's partial, as the map writes it.</summary>
    private static byte[] Partial(ContentDayAggregator day, int month, int shards, int shard)
    {
        var writers = day.EncodeShards(shards, month);
        using var memory = new MemoryStream();
        writers[shard].CopyTo(memory);
        foreach (var writer in writers)
        {
            writer.Dispose();
        }
        return memory.ToArray();
    }

    [Fact]
    public void A_day_aggregates_shards_and_writes_partials_exactly_as_the_reference()
    {
        var random = new Random(1604);
        var date = new DateOnly(2022, 4, 11);
        var records = RandomDay(random, 60_000, 9_000);
        var day = Aggregate(records, date, random);
        var reference = ReferenceDay(records, date);

        Assert.Equal(reference.Count, day.Count);
        var contracts = day.Contracts;
        Assert.Equal(reference.Count, contracts.Count);
        foreach (var (contract, expected) in reference)
        {
            var actual = contracts[contract];
            Assert.Equal(expected.Seconds, actual.Seconds);
            Assert.Equal(expected.DayMask, actual.DayMask);
            Assert.Equal(expected.Devices, actual.Devices);
        }
        Assert.Contains(reference, c => c.Activity.Devices.Count > 2);

        foreach (int shards in new[] { 1, 3, 8 })
        {
            for (int s = 0; s < shards; s++)
            {
                // Each shard: the reference contracts of that shard (ShardHash of the string), in hash order, byte for byte.
                var expected = reference.Where(c => ShardHash.ShardOf(c.Contract, shards) == s)
                    .OrderBy(c => ShardHash.Hash(Encoding.UTF8.GetBytes(c.Contract))).ToList();
                Assert.Equal(ReferencePartial(202204, expected), Partial(day, 202204, shards, s));
            }
        }
    }

    [Fact]
    public void A_shard_reduces_to_the_same_rows_as_the_reference_reduce()
    {
        var random = new Random(30);
        var partials = new List<byte[]>();
        foreach (var (month, days) in new[] { (202204, 30), (202205, 3) })
        {
            for (int d = 1; d <= days; d++)
            {
                var date = new DateOnly(month / 100, month % 100, d);
                var day = Aggregate(RandomDay(random, 4_000, 3_000), date, random);
                partials.Add(Partial(day, month, 4, 1));
            }
        }

        var reducer = new ContentShardReducer();
        var reference = new Dictionary<int, Dictionary<string, ContractActivity>>();
        foreach (var partial in partials)
        {
            ContentPartialFormat.ReadInto(new MemoryStream(partial), reducer);
            ContentPartialFormat.ReadInto(new MemoryStream(partial), reference);
        }
        foreach (int high in new[] { 1, 15, 31 })
        {
            var expected = reference.SelectMany(m => m.Value.Select(c => ContentProfileCalculator.Build(m.Key, c.Key, c.Value, high))).ToList();
            var actual = reducer.Rows(high);
            expected.Sort(ContentProfileTable.Order);
            actual.Sort(ContentProfileTable.Order);
            Assert.Equal(expected, actual);
        }
        Assert.Equal(reference.Sum(m => m.Value.Count), reducer.Count);
        Assert.Contains(reducer.Rows(15), r => r.TotalDevices > 2);
        Assert.Contains(reducer.Rows(15), r => r.ActiveLevel == ContentProfileCalculator.High);
    }

    [Fact]
    public void A_truncated_or_foreign_partial_is_invalid_data_for_the_reducer()
    {
        var day = Aggregate(RandomDay(new Random(3), 100, 50), new DateOnly(2022, 4, 1), new Random(4));
        var partial = Partial(day, 202204, 1, 0);
        Assert.Throws<InvalidDataException>(() => new ContentShardReducer().Add(partial.AsSpan(0, partial.Length - 3)));
        partial[4] = 9; // the version byte
        Assert.Throws<InvalidDataException>(() => new ContentShardReducer().Add(partial));
    }

    [Fact]
    public void The_taste_of_every_set_of_watched_categories_is_the_original_join()
    {
        for (int watched = 0; watched < 32; watched++)
        {
            var seconds = Enumerable.Range(0, ContentCategories.Count).Select(c => (watched & (1 << c)) != 0 ? 1L : 0L).ToArray();
            string expected = string.Join('-', ContentCategories.TasteOrder.Where(c => seconds[(int)c] > 0).Select(ContentCategories.DisplayName));
            Assert.Equal(expected, ContentProfileCalculator.Build(202204, "C", seconds, 1, 0, 15).Taste);
        }
    }
}
