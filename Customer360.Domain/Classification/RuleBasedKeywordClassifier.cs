using System.Buffers;
using System.Globalization;
using System.Text;

namespace Customer360.Domain.Classification;

/// <summary>
/// The offline classifier (the embedded default when no LLM endpoint is configured): keyword rules for
/// channels, sports, news, music, animation, Chinese and Korean dramas and common genre words, in
/// Vietnamese (with or without diacritics) and English. Deterministic; anything unmatched is <c>Other</c>.
/// </summary>
public sealed class RuleBasedKeywordClassifier : IKeywordClassifier
{
    public const string RulesSource = "rules";

    // Checked in order: the first rule with a matching term wins. (Internal: the tests read the rules term by term.)
    internal static readonly (string Genre, string[] Terms)[] Rules =
    [
        ("TV Channel", ["vtv", "htv", "vtc", "k+", "kplus", "thvl", "hbo", "cnn", "bbc", "discovery", "kenh ", "truyen hinh", "channel", "fox movies", "cinemax", "ant1", "vinh long"]),
        ("News", ["thoi su", "tin tuc", "ban tin", "news", "thoi tiet", "60 giay"]),
        ("Sports", ["bong da", "football", "soccer", "ngoai hang anh", "premier league", "champions league", "world cup", "euro 20", "sea games", "aff cup", "v-league", "v league",
            "man utd", "manchester", "liverpool", "arsenal", "chelsea", "real madrid", "barcelona", "juventus", "bayern", "psg", "viet nam vs", "vs thai lan", "tennis", "bong chuyen", "f1", "ufc", "boxing"]),
        ("Music", ["nhac", "music", "karaoke", "mv ", "bolero", "rap viet", "concert", "live show", "the voice", "sing my song"]),
        ("Animation", ["hoat hinh", "anime", "cartoon", "doraemon", "conan", "pokemon", "tom and jerry", "peppa", "naruto", "one piece", "frozen", "minions", "shin "]),
        ("Reality Show", ["running man", "2 ngay 1 dem", "gameshow", "game show", "reality", "ai la trieu phu", "nguoi ay la ai", "masterchef", "got talent", "chay di cho chi"]),
        ("K Drama", ["han quoc", "korean", "kdrama", "k-drama", "hau due mat troi", "hien nhan", "vincenzo", "squid game", "tro choi con muc", "crash landing", "ha canh noi anh", "goblin", "yeu tinh"]),
        ("C Drama", ["trung quoc", "chinese", "cdrama", "c-drama", "co trang", "tien hiep", "kiem hiep", "hoa thien cot", "dien hy cong luoc", "tam sinh tam the", "tru tien", "tay du ky", "bao thanh thien", "than dieu", "tieu ngao"]),
        ("Horror", ["kinh di", "ma ", "horror", "zombie", "the conjuring", "annabelle", "quy ", "am hon"]),
        ("Comedy", ["hai ", "hai huoc", "comedy", "tran thanh", "hoai linh", "truong giang", "funny", "cuoi"]),
        ("Romance", ["tinh yeu", "lang man", "romance", "love", "yeu ", "ngon tinh", "vo chong"]),
        ("Action", ["hanh dong", "action", "fast and furious", "fast & furious", "john wick", "marvel", "avengers", "batman", "spider", "mission impossible", "nhiem vu bat kha thi", "dac vu", "sat thu"]),
        ("Drama", ["phim bo", "phim truyen", "drama", "tam ly", "gia dinh", "thuong ngay", "hoa hong", "ve nha di con", "huong vi tinh than", "11 thang 5 ngay", "tinh yeu va tham vong", "thai lan", "an do", "philippines"]),
    ];

    public string Source => RulesSource;

    public string Model => "rules-v2";

    /// <summary>
    /// The rules send no requests, so a step is sized for the engine, not for a model: about 10k keywords is a few
    /// milliseconds of matching and a result document of about 1 MB, so a bench month's 135k distinct keywords take
    /// 14 steps (still in parallel, still one idempotent activity and one claim-check result each) instead of 2,700
    /// batches of 50 whose per-step costs (an activity, two small documents, a cache append) dominated the work.
    /// </summary>
    public const int RulesStepBatchSize = 10_000;

    public int? StepBatchSize => RulesStepBatchSize;

    public Task<KeywordBatchResult> ClassifyBatchAsync(IReadOnlyList<string> keywords, CancellationToken cancellationToken)
    {
        var result = keywords.Select(k => new KeywordClassification(k, Classify(k), RulesSource)).ToList();
        return Task.FromResult(new KeywordBatchResult(result, ClassificationUsage.None));
    }

    /// <summary>
    /// Each rule's terms compiled once into two multi-string searches (vectorised, <see cref="SearchValues{T}"/>):
    /// over the padded folded keyword, every term at a word start (" term", or the term itself when it begins with
    /// a space) and every term longer than 4 characters anywhere; over the keyword with its spaces removed, every
    /// term of 6+ characters once its own spaces are removed (only terms that had spaces). A rule matches when
    /// either search finds one; the first matching rule wins. The same decision as trying term by term, without a
    /// string per term per keyword: a month's 80k distinct keywords × 160 terms made that the classifier's cost.
    /// </summary>
    private static readonly (string Genre, SearchValues<string> Folded, SearchValues<string>? Compact)[] CompiledRules =
        Rules.Select(rule => (rule.Genre, FoldedSearch(rule.Terms), CompactSearch(rule.Terms))).ToArray();

    private static SearchValues<string> FoldedSearch(string[] terms) => SearchValues.Create(
        terms.Select(t => t.StartsWith(' ') ? t : " " + t).Concat(terms.Where(t => t.Length > 4)).Distinct(StringComparer.Ordinal).ToArray(),
        StringComparison.Ordinal);

    private static SearchValues<string>? CompactSearch(string[] terms)
    {
        var compact = terms.Select(t => (Term: t, Compact: t.Replace(" ", "", StringComparison.Ordinal)))
            .Where(t => t.Compact.Length >= 6 && t.Compact.Length < t.Term.Length)
            .Select(t => t.Compact).Distinct(StringComparer.Ordinal).ToArray();
        return compact.Length == 0 ? null : SearchValues.Create(compact, StringComparison.Ordinal);
    }

    public static string Classify(string keyword)
    {
        var folded = Fold(keyword);
        // Padded so that terms with a trailing space also match at the end ("ma " in "phim ma").
        Span<char> padded = folded.Length <= 254 ? stackalloc char[folded.Length + 2] : new char[folded.Length + 2];
        padded[0] = ' ';
        folded.AsSpan().CopyTo(padded[1..]);
        padded[^1] = ' ';
        // Viewers run words together ("bongda", "runningman"): long terms also match with every space removed.
        Span<char> compact = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        int length = 0;
        foreach (char c in folded)
        {
            if (c != ' ')
            {
                compact[length++] = c;
            }
        }
        compact = compact[..length];
        foreach (var (genre, foldedTerms, compactTerms) in CompiledRules)
        {
            if (((ReadOnlySpan<char>)padded).IndexOfAny(foldedTerms) >= 0
                || (compactTerms is not null && ((ReadOnlySpan<char>)compact).IndexOfAny(compactTerms) >= 0))
            {
                return genre;
            }
        }
        return Genres.Other;
    }

    /// <summary>Lower-case, Vietnamese diacritics removed (đ → d), so "phim truyện" and "phim truyen" match alike.</summary>
    public static string Fold(string text)
    {
        if (Ascii.IsValid(text))
        {
            // No diacritics to remove (most typed keywords): lower-casing is all the folding there is.
            return text.ToLowerInvariant();
        }
        var decomposed = text.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
