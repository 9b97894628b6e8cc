using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Customer360.Generation;

/// <summary>
/// Writes a synthetic month of content logs (April 2022) shaped like the original export: TV channels
/// dominate, Zipf-like app popularity per contract, 1–3 devices per contract, most contracts active on
/// 15 days or more, fields in varying order, and a small share of every kind of bad line. Each day's lines
/// are in time order, contracts interleaved (a contract's sessions spread over the day), as an export
/// comes. Deterministic for a seed; a day is held as compact records, not lines, so memory stays bounded.
/// </summary>
/// <param name="badLineShare">Share of bad lines (spread over the six rejection reasons); 0 gives a clean export.</param>
public sealed class ContentLogGenerator(int seed, int contracts, ContentLineOrder lineOrder = ContentLineOrder.Time, double badLineShare = ContentLogGenerator.BadLineShare)
{
    public static readonly DateOnly FirstDay = new(2022, 4, 1);
    public const int Days = 30;

    /// <summary>The default share of lines that are bad (spread over the six rejection reasons).</summary>
    public const double BadLineShare = 0.006;

    /// <summary>The apps a contract watches, with their share of all viewing (TV channels dominate).</summary>
    internal static readonly (string App, double Weight)[] Apps =
    [
        ("CHANNEL", 46), ("KPLUS", 7), ("KPlus", 1), ("DSHD", 5),
        ("VOD", 12), ("FIMS", 3), ("FIMS_RES", 2), ("BHD", 2), ("BHD_RES", 1), ("VOD_RES", 1), ("DANET", 1),
        ("RELAX", 7), ("CHILD", 6), ("SPORT", 6),
    ];

    private static readonly string[] Regions = ["HNH", "SGH", "DNH", "HPH", "CTH", "NTH", "BDH", "VTH"];

    private static readonly string[][] FieldOrders =
    [
        ["Contract", "Mac", "TotalDuration", "AppName"],
        ["AppName", "Contract", "Mac", "TotalDuration"],
        ["Mac", "AppName", "TotalDuration", "Contract"],
        ["TotalDuration", "Contract", "AppName", "Mac"],
    ];

    public static string ContractId(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Regions[index % Regions.Length]}{100000 + (index / Regions.Length):D6}");

    /// <summary>Writes the 30 daily files into <paramref name="directory"/>; returns their paths.</summary>
    public IReadOnlyList<string> Write(string directory, bool gzipLastDay, int parallelism, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var paths = new string[Days];
        Parallel.For(0, Days, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, day =>
        {
            var date = FirstDay.AddDays(day);
            bool gzip = gzipLastDay && day == Days - 1;
            var path = Path.Combine(directory, date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (gzip ? ".json.gz" : ".json"));
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            using Stream output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
            using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 20);
            // One day in the month uses CRLF line ends, as a Windows export would.
            writer.NewLine = day == 10 ? "\r\n" : "\n";
            WriteDay(writer, day);
            paths[day] = path;
        });
        return paths;
    }

    private void WriteDay(StreamWriter writer, int day)
    {
        // First the day's records, with a start second each; then (time order) sorted by start, so the
        // contracts interleave as in an export; then written, bad lines chosen in written order.
        var records = new List<ContentRecord>(contracts);
        var keys = new List<long>(contracts);
        for (int c = 0; c < contracts; c++)
        {
            var profile = ContractProfile.For(seed, c);
            var dayRng = SplitMix64.For(seed, day, c);
            if (dayRng.NextDouble() >= profile.ActiveShare)
            {
                continue;
            }
            int count = 1 + (int)(-Math.Log(1 - dayRng.NextDouble()) * 0.8);
            for (int r = 0; r < count; r++)
            {
                var record = new ContentRecord
                {
                    Contract = c,
                    App = (byte)profile.PickApp(ref dayRng),
                    Duration = (int)Math.Clamp((long)Math.Exp(6.3 + (1.2 * dayRng.NextGaussian())), 1, 86_400),
                    Mac = profile.Macs[dayRng.NextInt(profile.Macs.Length)],
                    Order = (byte)dayRng.NextInt(FieldOrders.Length),
                };
                // The session's start second: sessions of one contract spread over the day, evenings busiest.
                long second = StartSecond(ref dayRng);
                keys.Add((second << 32) | (uint)records.Count);
                records.Add(record);
            }
        }
        var order = keys.ToArray();
        if (lineOrder == ContentLineOrder.Time)
        {
            Array.Sort(order); // by start second; ties in generation order
        }
        else
        {
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }
        }

        var rng = SplitMix64.For(seed, 1_000 + day, 0);
        var line = new StringBuilder(256);
        long lineNo = 0;
        foreach (long key in order)
        {
            var record = records[(int)(uint)key];
            line.Clear();
            string app = Apps[record.App].App;
            string mac = FormatMac(record.Mac);
            string contract = ContractId(record.Contract);
            if (rng.NextDouble() < badLineShare)
            {
                WriteBadLine(line, ref rng, contract, app, mac, lineNo);
            }
            else
            {
                AppendRecord(line, lineNo, FieldOrders[record.Order], contract, mac, Quote(app), record.Duration.ToString(CultureInfo.InvariantCulture));
            }
            writer.WriteLine(line);
            lineNo++;
            if (rng.NextDouble() < 0.0005)
            {
                writer.WriteLine(rng.NextDouble() < 0.5 ? "" : "   ");
            }
        }
    }

    /// <summary>Relative viewing by hour of day (0–23): quiet at night, busiest in the evening.</summary>
    private static readonly double[] HourCumulative = Cumulative(
        [1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.0, 2.2, 2.0, 1.8, 2.0, 2.5, 2.3, 2.0, 2.0, 2.2, 2.8, 3.6, 4.5, 5.0, 4.6, 3.4, 2.0]);

    private static double[] Cumulative(double[] weights)
    {
        double total = weights.Sum(), running = 0;
        return weights.Select(w => running += w / total).ToArray();
    }

    private static long StartSecond(ref SplitMix64 rng)
    {
        double x = rng.NextDouble();
        int hour = 0;
        while (hour < HourCumulative.Length - 1 && x >= HourCumulative[hour])
        {
            hour++;
        }
        return (hour * 3600L) + rng.NextInt(3600);
    }

    /// <summary>A device's MAC: 12 upper-case hex digits, or (bit 63 set) lower-case pairs joined by ':' as some devices log it.</summary>
    private static string FormatMac(ulong mac)
    {
        var hex = (mac & 0xFFFF_FFFF_FFFFUL).ToString("X12", CultureInfo.InvariantCulture);
        return (mac >> 63) == 0
            ? hex
            : string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2))).ToLowerInvariant();
    }

    private static void WriteBadLine(StringBuilder line, ref SplitMix64 rng, string contract, string app, string mac, long lineNo)
    {
        var order = FieldOrders[0];
        switch (rng.NextInt(6))
        {
            case 0: // malformed: a truncated line
                AppendRecord(line, lineNo, order, contract, mac, Quote(app), "254");
                line.Length -= 1 + rng.NextInt(20);
                break;
            case 1: // missing_field: no TotalDuration
                line.Append(CultureInfo.InvariantCulture, $"{{\"_index\":\"history\",\"_type\":\"kplus\",\"_id\":\"AX_m{lineNo:x}\",\"_score\":0,\"_source\":{{\"Contract\":\"{contract}\",\"Mac\":\"{mac}\",\"AppName\":\"{app}\"}}}}");
                break;
            case 2: // bad_contract
                AppendRecord(line, lineNo, order, rng.NextDouble() < 0.5 ? "0" : "", mac, Quote(app), "120");
                break;
            case 3: // unmapped_app
                AppendRecord(line, lineNo, order, contract, mac, Quote(rng.NextDouble() < 0.7 ? "IPTV" : "FPTPLAY_TEST"), "300");
                break;
            case 4: // bad_duration: a string or a fraction
                AppendRecord(line, lineNo, order, contract, mac, Quote(app), rng.NextDouble() < 0.5 ? "\"254\"" : "254.0");
                break;
            default: // non_positive_duration
                AppendRecord(line, lineNo, order, contract, mac, Quote(app), rng.NextDouble() < 0.5 ? "0" : "-30");
                break;
        }
    }

    private static string Quote(string value) => $"\"{value}\"";

    private static void AppendRecord(StringBuilder line, long lineNo, string[] order, string contract, string mac, string appJson, string durationJson)
    {
        line.Append(CultureInfo.InvariantCulture, $"{{\"_index\":\"history\",\"_type\":\"kplus\",\"_id\":\"AX_m{lineNo:x}\",\"_score\":0,\"_source\":{{");
        for (int i = 0; i < order.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }
            switch (order[i])
            {
                case "Contract": line.Append("\"Contract\":\"").Append(contract).Append('"'); break;
                case "Mac": line.Append("\"Mac\":\"").Append(mac).Append('"'); break;
                case "TotalDuration": line.Append("\"TotalDuration\":").Append(durationJson); break;
                default: line.Append("\"AppName\":").Append(appJson); break;
            }
        }
        line.Append("}}");
    }
}
