using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace Customer360.Generation;

/// <summary>
/// Writes two synthetic months of search logs (June and July 2022) as Parquet with the export's full
/// schema: one <c>YYYYMMDD/part-0.parquet</c> per day. Each user has a favourite genre (Drama leads) that
/// changes between the months for about two users in three. Keywords come from <see cref="SearchVocabulary"/>
/// (a Zipf-like long tail of titles, channels, clubs, matches, singers and phrases, some searched in one month
/// only), typed as viewers type them by <see cref="KeywordVariants"/> (no diacritics, run together, initials,
/// misspelt, an episode number), with a share of one-off queries; then in mixed case and spacing, a few in NFD
/// form; a few rows have an empty user_id or keyword. Deterministic for a seed.
/// </summary>
public sealed class SearchLogGenerator(int seed, int users)
{
    public static readonly DateOnly FirstDay = new(2022, 6, 1);
    public const int Days = 61; // June + July
    public const double SearchesPerUserPerMonth = 5.0;

    /// <summary>Share of searches that are one-off queries nobody else types.</summary>
    public const double OneOffShare = 0.04;

    private readonly IReadOnlyList<GenreList> _genres = SearchVocabulary.For(users).Genres;

    private static readonly string[] Platforms = ["android", "ios", "smarttv", "web"];
    private static readonly string[] Networks = ["wifi", "4g", "ethernet"];
    private static readonly string[] Isps = ["viettel", "vnpt", "fpt", "mobifone"];
    private static readonly string[] Plans = ["K+ Sport", "VIP", "Family", "Basic"];

    public static string UserId(int index) => string.Create(CultureInfo.InvariantCulture, $"U{1_000_000 + index}");

    /// <summary>Writes the 61 daily files under <paramref name="directory"/>; returns their paths.</summary>
    public IReadOnlyList<string> Write(string directory, int parallelism, CancellationToken cancellationToken = default)
    {
        var paths = new string[Days];
        Parallel.For(0, Days, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, day =>
        {
            var date = FirstDay.AddDays(day);
            var folder = Path.Combine(directory, date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            paths[day] = Path.Combine(folder, "part-0.parquet");
            WriteDayAsync(paths[day], date, day, cancellationToken).GetAwaiter().GetResult();
        });
        return paths;
    }

    private async Task WriteDayAsync(string path, DateOnly date, int day, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, List<string?>>();
        foreach (var name in new[] { "eventID", "datetime", "user_id", "keyword", "category", "proxy_isp", "platform", "networkType", "action" })
        {
            columns[name] = [];
        }
        var plans = new List<string>();
        var planLevels = new List<int>();
        int daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        double perDay = SearchesPerUserPerMonth / daysInMonth;
        var rng = SplitMix64.For(seed, 5_000 + day, 0);
        long row = 0;
        for (int u = 0; u < users; u++)
        {
            var userRng = SplitMix64.For(seed, 7_000 + day, u);
            // Poisson-ish count of searches today.
            int searches = 0;
            for (double left = -Math.Log(1 - userRng.NextDouble()); left < perDay * 1.0; left += -Math.Log(1 - userRng.NextDouble()))
            {
                searches++;
            }
            for (int s = 0; s < searches; s++)
            {
                string user = UserId(u);
                string keyword = PickKeyword(u, date.Month, ref userRng);
                double bad = rng.NextDouble();
                if (bad < 0.001)
                {
                    user = rng.NextDouble() < 0.5 ? "" : "   ";
                }
                else if (bad < 0.002)
                {
                    keyword = " ";
                }
                columns["eventID"].Add(string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}-{row++:x8}"));
                columns["datetime"].Add(string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} {userRng.NextInt(24):D2}:{userRng.NextInt(60):D2}:{userRng.NextInt(60):D2}"));
                columns["user_id"].Add(user);
                columns["keyword"].Add(keyword);
                columns["category"].Add("enter");
                columns["proxy_isp"].Add(Isps[userRng.NextInt(Isps.Length)]);
                columns["platform"].Add(Platforms[userRng.NextInt(Platforms.Length)]);
                columns["networkType"].Add(Networks[userRng.NextInt(Networks.Length)]);
                columns["action"].Add("search");
                plans.Add(Plans[u % Plans.Length]);
                planLevels.Add(0);
                if (u % 3 == 0)
                {
                    plans.Add(Plans[(u + 1) % Plans.Length]);
                    planLevels.Add(1);
                }
            }
        }

        SearchRowOrder.ByTime(columns, plans, planLevels);
        var fields = columns.Keys.Select(name => (Field)new DataField<string>(name)).ToList();
        var planList = new ListField("userPlansMap", new DataField<string>("element"));
        fields.Add(planList);
        var schema = new ParquetSchema(fields);
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        var dataFields = schema.GetDataFields();
        for (int c = 0; c < columns.Count; c++)
        {
            await group.WriteAsync(dataFields[c], columns[dataFields[c].Name]).ConfigureAwait(false);
        }
        await group.WriteAsync(dataFields[^1], plans, planLevels.ToArray()).ConfigureAwait(false);
    }

    /// <summary>A keyword from the user's favourite genre of the month (mostly), written the way people type.</summary>
    private string PickKeyword(int user, int month, ref SplitMix64 rng)
    {
        var profile = SplitMix64.For(seed, -2, user);
        var juneGenre = PickGenre(ref profile);
        // About two users in three move to another favourite genre in July.
        var genre = month == 7 && profile.NextDouble() < 0.75 ? PickGenre(ref profile) : juneGenre;
        if (rng.NextDouble() < 0.25)
        {
            genre = PickGenre(ref rng); // occasional off-taste searches
        }
        var list = _genres[genre];
        var phrase = PickPhrase(list, month, ref rng);
        var typed = rng.NextDouble() < OneOffShare ? KeywordVariants.OneOff(phrase, ref rng) : KeywordVariants.Type(phrase, month, KeywordVariants.HasEpisodes(list.Genre), ref rng);
        return Spell(typed, ref rng);
    }

    /// <summary>
    /// Zipf-like (s ≈ 1): the rank is log-uniform over the list, so the first titles are searched far more
    /// often and the tail is long. A phrase not searched this month gives way to the next one.
    /// </summary>
    private static string PickPhrase(GenreList list, int month, ref SplitMix64 rng)
    {
        var phrases = list.Phrases;
        int index = Math.Min(phrases.Count - 1, (int)Math.Exp(rng.NextDouble() * Math.Log(phrases.Count + 1)) - 1);
        for (int step = 0; step < phrases.Count; step++)
        {
            var (phrase, only) = phrases[(index + step) % phrases.Count];
            if (only == 0 || only == month)
            {
                return phrase;
            }
        }
        return phrases[index].Phrase;
    }

    private int PickGenre(ref SplitMix64 rng)
    {
        double x = rng.NextDouble() * _genres.Sum(g => g.Weight);
        for (int g = 0; g < _genres.Count; g++)
        {
            x -= _genres[g].Weight;
            if (x < 0)
            {
                return g;
            }
        }
        return _genres.Count - 1;
    }

    private static string Spell(string keyword, ref SplitMix64 rng)
    {
        double r = rng.NextDouble();
        return r switch
        {
            < 0.10 => keyword.ToUpperInvariant(),
            < 0.18 => "  " + keyword.Replace(" ", "   ", StringComparison.Ordinal) + " ",
            < 0.22 => keyword.Normalize(NormalizationForm.FormD),
            < 0.30 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(keyword),
            _ => keyword,
        };
    }
}
