using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Customer360.Domain.Generation;

/// <summary>
/// Writes a synthetic month of content logs (April 2022) shaped like the original export: TV channels
/// dominate, Zipf-like app popularity per contract, 1–3 devices per contract, most contracts active on
/// 15 days or more, fields in varying order, and a small share of every kind of bad line.
/// Deterministic for a seed.
/// </summary>
public sealed class ContentLogGenerator(int seed, int contracts)
{
    public static readonly DateOnly FirstDay = new(2022, 4, 1);
    public const int Days = 30;

    /// <summary>Share of lines that are bad (spread over the six rejection reasons).</summary>
    public const double BadLineShare = 0.006;

    private static readonly (string App, double Weight)[] Apps =
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
        var rng = SplitMix64.For(seed, 1_000 + day, 0);
        var line = new StringBuilder(256);
        long lineNo = 0;
        for (int c = 0; c < contracts; c++)
        {
            var profile = ContractProfile.For(seed, c);
            var dayRng = SplitMix64.For(seed, day, c);
            if (dayRng.NextDouble() >= profile.ActiveShare)
            {
                continue;
            }
            int records = 1 + (int)(-Math.Log(1 - dayRng.NextDouble()) * 0.8);
            for (int r = 0; r < records; r++)
            {
                line.Clear();
                string app = profile.PickApp(ref dayRng);
                long duration = Math.Clamp((long)Math.Exp(6.3 + (1.2 * dayRng.NextGaussian())), 1, 86_400);
                string mac = profile.Macs[dayRng.NextInt(profile.Macs.Length)];
                var order = FieldOrders[dayRng.NextInt(FieldOrders.Length)];
                string contract = ContractId(c);

                if (rng.NextDouble() < BadLineShare)
                {
                    WriteBadLine(line, ref rng, contract, app, mac, lineNo);
                }
                else
                {
                    AppendRecord(line, lineNo, order, contract, mac, Quote(app), duration.ToString(CultureInfo.InvariantCulture));
                }
                writer.WriteLine(line);
                lineNo++;
                if (rng.NextDouble() < 0.0005)
                {
                    writer.WriteLine(rng.NextDouble() < 0.5 ? "" : "   ");
                }
            }
        }
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

    /// <summary>A contract's stable traits: how often it watches, its devices, its taste.</summary>
    private sealed class ContractProfile
    {
        public required double ActiveShare { get; init; }
        public required string[] Macs { get; init; }
        public required double[] AppCumulative { get; init; }

        public static ContractProfile For(int seed, int contract)
        {
            var rng = SplitMix64.For(seed, -1, contract);
            // ≈72% of contracts are heavy viewers (active on most days), the rest occasional.
            double share = rng.NextDouble() < 0.71 ? 0.55 + (0.45 * rng.NextDouble()) : 0.04 + (0.40 * rng.NextDouble());
            int devices = 1 + (rng.NextDouble() < 0.35 ? 1 : 0) + (rng.NextDouble() < 0.12 ? 1 : 0);
            var macs = new string[devices];
            for (int d = 0; d < devices; d++)
            {
                var hex = (rng.Next() & 0xFFFF_FFFF_FFFFUL).ToString("X12", CultureInfo.InvariantCulture);
                // A few devices are logged in other spellings, to exercise normalisation.
                macs[d] = rng.NextDouble() < 0.05
                    ? string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2))).ToLowerInvariant()
                    : hex;
            }
            // Personal taste: each app's global weight scaled by a Zipf-like personal factor.
            var weights = new double[Apps.Length];
            for (int a = 0; a < Apps.Length; a++)
            {
                weights[a] = Apps[a].Weight / (1 + rng.NextInt(Apps.Length));
            }
            double total = weights.Sum(), running = 0;
            var cumulative = new double[Apps.Length];
            for (int a = 0; a < Apps.Length; a++)
            {
                running += weights[a] / total;
                cumulative[a] = running;
            }
            return new ContractProfile { ActiveShare = share, Macs = macs, AppCumulative = cumulative };
        }

        public string PickApp(ref SplitMix64 rng)
        {
            double x = rng.NextDouble();
            for (int a = 0; a < AppCumulative.Length; a++)
            {
                if (x < AppCumulative[a])
                {
                    return Apps[a].App;
                }
            }
            return Apps[^1].App;
        }
    }
}
