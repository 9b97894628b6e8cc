namespace Customer360.Generation;

/// <summary>
/// The synthetic search vocabulary: per genre, a popularity-ranked list of base phrases (titles, channels,
/// clubs, matches, singers, genre phrases), written with diacritics where Vietnamese has them. The head of
/// each list is real, well-known titles; the long tail is built deterministically by combining word lists,
/// the way a real catalogue has thousands of titles each searched by a few viewers. Some phrases exist in
/// one month only (a series that ended in June, one that started in July), so June and July overlap the way
/// real months do rather than completely. How a phrase is typed is <see cref="KeywordVariants"/>'s job.
/// </summary>
public sealed class SearchVocabulary
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, SearchVocabulary> ByTail = new();

    /// <summary>
    /// The vocabulary for a population: the long tail grows with the number of users (a bigger operator's
    /// viewers search a bigger catalogue), from a few dozen phrases per genre for the demo to thousands at
    /// bench scale (400k users) and beyond.
    /// </summary>
    public static SearchVocabulary For(int users)
    {
        int percent = (int)Math.Clamp(users / 4_000L, 2, 600); // tail size in percent of the bench scale's
        return ByTail.GetOrAdd(percent, p => new SearchVocabulary(p / 100.0));
    }

    public IReadOnlyList<GenreList> Genres { get; }

    private SearchVocabulary(double tail)
    {
        int Tail(int benchCount) => Math.Max(8, (int)(benchCount * tail));
        Genres =
        [
            List("Drama", 30, ["hoa hồng trên ngực trái", "về nhà đi con", "hương vị tình thân", "11 tháng 5 ngày", "phim bộ", "phim truyện", "tình yêu và tham vọng",
                "thương ngày nắng về", "người phán xử", "quỳnh búp bê", "sống chung với mẹ chồng", "cây táo nở hoa", "những ngày không quên", "phim việt nam", "phim thái lan"],
                Titles(["phim bộ ", "phim truyện ", "", "", ""], VietWords, 2, 4, Tail(2600), 11)),
            List("C Drama", 12, ["tam sinh tam thế", "diên hy công lược", "hoa thiên cốt", "phim trung quốc", "phim cổ trang", "tru tiên", "trần tình lệnh", "lang gia bảng",
                "thiên long bát bộ", "tiếu ngạo giang hồ", "thần điêu đại hiệp", "bao thanh thiên", "tây du ký", "hậu cung như ý truyện"],
                Titles(["phim trung quốc ", "phim cổ trang ", "", "", ""], SinoWords, 3, 4, Tail(1800), 12)),
            List("K Drama", 10, ["hạ cánh nơi anh", "hậu duệ mặt trời", "vincenzo", "squid game", "phim hàn quốc", "yêu tinh", "hạ cánh nơi anh", "itaewon class",
                "lời hồi đáp 1988", "the glory", "penthouse", "nữ luật sư kỳ lạ woo", "thư ký kim sao thế"],
                Titles(["phim hàn quốc ", "phim hàn ", "", ""], KoreanWords, 2, 4, Tail(1600), 13)),
            List("Romance", 8, ["phim tình yêu", "ngôn tình", "love story", "phim lãng mạn", "titanic", "chạng vạng", "me before you", "la la land"],
                Titles(["phim tình cảm ", "ngôn tình ", "phim tình yêu ", ""], RomanceWords, 2, 3, Tail(900), 14)),
            List("Action", 8, ["fast and furious", "john wick", "avengers", "phim hành động", "nhiệm vụ bất khả thi", "người nhện", "batman", "iron man", "diệp vấn", "top gun"],
                Titles(["phim hành động ", "", "", ""], ActionWords, 2, 3, Tail(1400), 15, sequels: true)),
            List("Comedy", 6, ["phim hài", "trấn thành", "hoài linh", "hài tết", "táo quân", "gặp nhau cuối năm", "trường giang", "việt hương"],
                Titles(["phim hài ", "hài ", "tiểu phẩm "], ComedyWords, 1, 3, Tail(700), 16)),
            List("Sports", 6, ["bóng đá", "ngoại hạng anh", "man utd", "việt nam vs thái lan", "sea games", "world cup", "champions league", "u23 việt nam", "real madrid", "liverpool"],
                Matches(Tail(2400))),
            List("Animation", 5, ["doraemon", "conan", "pokemon", "phim hoạt hình", "tom and jerry", "peppa pig", "naruto", "one piece", "shin cậu bé bút chì", "baby shark"],
                Episodes(Cartoons, Tail(900))),
            List("Music", 4, ["nhạc trẻ", "bolero", "rap việt", "karaoke", "sơn tùng mtp", "đen vâu", "mỹ tâm", "nhạc remix"],
                Songs(Tail(1500))),
            List("Reality Show", 4, ["running man", "2 ngày 1 đêm", "ai là triệu phú", "người ấy là ai", "masterchef", "master key", "ký tài thiên hạ"],
                Episodes(Shows, Tail(700))),
            List("TV Channel", 3, ["vtv1", "vtv3", "htv7", "k+ sport", "hbo", "vtv6", "thvl1", "htv2"],
                Channels()),
            List("Horror", 2, ["phim ma", "phim kinh dị", "the conjuring", "annabelle", "phim ma thái"],
                Titles(["phim ma ", "phim kinh dị ", "truyện ma "], HorrorWords, 1, 3, Tail(600), 17)),
            List("News", 1, ["thời sự", "tin tức", "bản tin thời tiết", "thời sự 19h", "chuyển động 24h", "60 giây"],
                News()),
            List("Other", 1, ["xem gì", "tivi", "abc", "phim", "phim mới", "phim hay", "fpt play", "đăng nhập"],
                []),
        ];
    }

    private static GenreList List(string genre, double weight, string[] head, IEnumerable<string> tail)
    {
        var phrases = new List<(string, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in head)
        {
            if (seen.Add(phrase))
            {
                phrases.Add((phrase, 0));
            }
        }
        int i = 0;
        foreach (var phrase in tail)
        {
            if (seen.Add(phrase))
            {
                // One tail phrase in eight is June-only, one in eight July-only (series ending and starting).
                var mix = SplitMix64.For(genre.Sum(c => c), 977, i++).NextInt(8);
                phrases.Add((phrase, mix == 0 ? 6 : mix == 1 ? 7 : 0));
            }
        }
        return new GenreList(genre, weight, phrases);
    }

    private static IEnumerable<string> Titles(string[] prefixes, string[] words, int minWords, int maxWords, int count, int stream, bool sequels = false)
    {
        for (int i = 0; i < count; i++)
        {
            var rng = SplitMix64.For(stream, 31, i);
            int n = minWords + rng.NextInt(maxWords - minWords + 1);
            var title = string.Join(' ', Enumerable.Range(0, n).Select(_ => words[rng.NextInt(words.Length)]));
            if (sequels && rng.NextDouble() < 0.3)
            {
                title += " " + (2 + rng.NextInt(5));
            }
            yield return prefixes[rng.NextInt(prefixes.Length)] + title;
        }
    }

    private static IEnumerable<string> Matches(int count)
    {
        string[] suffixes = ["", "", " trực tiếp", " highlight", " kết quả", " hôm nay"];
        for (int i = 0; i < count; i++)
        {
            var rng = SplitMix64.For(21, 41, i);
            double kind = rng.NextDouble();
            string text = kind switch
            {
                < 0.55 => Pick(Clubs, ref rng) + " vs " + Pick(Clubs, ref rng),
                < 0.75 => Pick(Countries, ref rng) + " vs " + Pick(Countries, ref rng),
                < 0.85 => Pick(Players, ref rng),
                < 0.93 => Pick(Clubs, ref rng),
                _ => Pick(Sports, ref rng) + " " + Pick(Events, ref rng),
            };
            yield return text + Pick(suffixes, ref rng);
        }
    }

    private static IEnumerable<string> Episodes(string[] titles, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var rng = SplitMix64.For(22, 43, i);
            var title = Pick(titles, ref rng);
            yield return rng.NextDouble() < 0.5 ? title : rng.NextDouble() < 0.7 ? $"{title} tập {1 + rng.NextInt(120)}" : $"{title} mùa {1 + rng.NextInt(9)}";
        }
    }

    private static IEnumerable<string> Songs(int count)
    {
        for (int i = 0; i < count; i++)
        {
            var rng = SplitMix64.For(23, 47, i);
            var song = string.Join(' ', Enumerable.Range(0, 2 + rng.NextInt(3)).Select(_ => Pick(RomanceWords, ref rng)));
            yield return rng.NextDouble() switch
            {
                < 0.35 => Pick(Singers, ref rng),
                < 0.6 => song + " " + Pick(Singers, ref rng),
                < 0.75 => "karaoke " + song,
                < 0.85 => "nhạc " + Pick(MusicStyles, ref rng),
                _ => song,
            };
        }
    }

    private static IEnumerable<string> Channels()
    {
        foreach (var (name, max) in new[] { ("vtv", 9), ("htv", 9), ("thvl", 4), ("vtc", 16), ("k+ ", 4), ("vtvcab ", 22), ("hanoi ", 2), ("đồng nai ", 2), ("bình dương ", 4), ("an giang ", 2) })
        {
            for (int n = 1; n <= max; n++)
            {
                yield return name + n;
                yield return name + n + " hd";
                yield return name + n + " trực tiếp";
            }
        }
        foreach (var name in new[] { "hbo", "cinemax", "axn", "fox movies", "discovery", "cnn", "bbc", "cartoon network", "national geographic", "antv", "qpvn", "vov tv", "fbnc", "kênh 14", "channel v", "htv thể thao", "k+ pm", "k+ nhà" })
        {
            yield return name;
            yield return "kênh " + name;
        }
    }

    private static IEnumerable<string> News()
    {
        for (int h = 6; h <= 23; h++)
        {
            yield return $"thời sự {h}h";
            yield return $"bản tin {h}h";
        }
        foreach (var topic in new[] { "covid", "giá vàng", "thời tiết", "bão", "giao thông", "chứng khoán", "xăng dầu", "thế giới", "kinh tế", "pháp luật", "an ninh", "hà nội", "sài gòn" })
        {
            yield return "tin " + topic;
            yield return "tin tức " + topic;
            yield return "bản tin " + topic;
        }
    }

    private static string Pick(string[] words, ref SplitMix64 rng) => words[rng.NextInt(words.Length)];

    private static readonly string[] VietWords =
    [
        "hoa", "hồng", "tình", "yêu", "mẹ", "con", "nhà", "về", "thương", "nhớ", "mưa", "nắng", "gió", "sóng", "đất", "trời", "người", "ngày", "đêm", "biển",
        "lửa", "vàng", "bạc", "ngọc", "xuân", "thu", "hạ", "đông", "phố", "quê", "hương", "bình", "yên", "bão", "tố", "cô", "gái", "chàng", "trai", "ước",
        "mơ", "dòng", "sông", "núi", "rừng", "làng", "chợ", "đời", "số", "phận", "gia", "đình", "cha", "anh", "em", "chị", "bà", "ông", "nàng", "dâu",
        "rể", "hẹn", "thề", "nước", "mắt", "nụ", "cười", "trái", "tim", "bóng", "tối", "ánh", "sáng", "hy", "vọng", "hạnh", "phúc", "mùa", "cưới", "vợ",
    ];

    private static readonly string[] SinoWords =
    [
        "tam", "sinh", "thế", "thiên", "cốt", "diên", "hy", "công", "lược", "trường", "ca", "hành", "lang", "gia", "bảng", "tru", "tiên", "kiếm", "hiệp",
        "phong", "vân", "long", "phượng", "mộng", "lục", "tuyết", "nguyệt", "thần", "điêu", "đại", "tiểu", "hoàng", "hậu", "phi", "vương", "gia", "lệnh",
        "truyện", "ký", "hoa", "thiên", "hạ", "giang", "hồ", "ma", "đạo", "tổ", "sư", "cung", "tỏa", "tâm", "ngọc", "lâu", "đài", "xuân", "thu", "kinh",
    ];

    private static readonly string[] KoreanWords =
    [
        "hậu duệ", "mặt trời", "hạ cánh", "nơi anh", "yêu tinh", "thư ký", "bác sĩ", "luật sư", "nữ hoàng", "hoàng tử", "cô nàng", "mùa hè", "ký ức",
        "bí mật", "gia tộc", "thừa kế", "khách sạn", "ánh trăng", "vì sao", "đưa anh tới", "người thừa kế", "cô dâu", "chàng hậu", "tổng thống", "bệnh viện",
        "oppa", "seoul", "busan", "idol", "cảnh sát", "điệp viên", "tuổi thanh xuân", "hồi ức", "định mệnh",
    ];

    private static readonly string[] RomanceWords =
    [
        "yêu", "em", "anh", "nhớ", "thương", "mãi", "mãi", "ngày", "xưa", "tình", "đầu", "hẹn", "ước", "cuối", "cùng", "ánh", "mắt", "nụ", "hôn", "trái",
        "tim", "mùa", "thu", "lá", "rơi", "chiều", "mưa", "kỷ", "niệm", "xa", "cách", "bên", "nhau", "trọn", "đời", "dấu", "yêu", "thương", "lời", "hứa",
    ];

    private static readonly string[] ActionWords =
    [
        "fast", "furious", "mission", "dark", "knight", "iron", "war", "storm", "fire", "hunter", "agent", "strike", "black", "shadow", "ghost", "steel",
        "rogue", "fury", "blood", "code", "edge", "force", "legend", "hero", "soldier", "sniper", "assassin", "killer", "commando", "ranger", "thunder", "dragon",
        "sát thủ", "đặc vụ", "chiến binh", "biệt đội", "báo thù",
    ];

    private static readonly string[] ComedyWords =
    [
        "cười", "vui", "nhộn", "tết", "xuân", "ba", "chàng", "ngốc", "lầy", "lội", "bựa", "ông", "bà", "nội", "ngoại", "hàng", "xóm", "phố", "chợ",
    ];

    private static readonly string[] HorrorWords =
    [
        "ám", "ảnh", "oan", "hồn", "quỷ", "dữ", "búp", "bê", "ma", "nữ", "nhà", "hoang", "đêm", "trăng", "máu", "thây", "zombie", "lời", "nguyền",
    ];

    private static readonly string[] Cartoons =
    [
        "doraemon", "conan", "pokemon", "tom and jerry", "peppa pig", "naruto", "one piece", "dragon ball", "frozen", "minions", "masha and the bear",
        "paw patrol", "cocomelon", "bluey", "spongebob", "siêu nhân gao", "shin cậu bé bút chì", "7 viên ngọc rồng", "thám tử lừng danh conan", "boruto",
        "demon slayer", "attack on titan", "toy story", "kung fu panda", "vua sư tử", "hoạt hình", "phim hoạt hình", "baby shark", "larva", "gấu bự",
    ];

    private static readonly string[] Shows =
    [
        "running man", "running man việt nam", "2 ngày 1 đêm", "ai là triệu phú", "người ấy là ai", "masterchef", "master key", "ký tài thiên hạ",
        "ơn giời cậu đây rồi", "nhanh như chớp", "bạn muốn hẹn hò", "vợ chồng son", "got talent", "vietnam idol", "the bachelor", "cuộc đua kỳ thú",
        "7 nụ cười xuân", "siêu trí tuệ", "đường lên đỉnh olympia", "chạy đi chờ chi",
    ];

    private static readonly string[] Clubs =
    [
        "man utd", "mu", "man city", "liverpool", "arsenal", "chelsea", "tottenham", "newcastle", "aston villa", "west ham", "real madrid", "barcelona",
        "barca", "atletico madrid", "sevilla", "juventus", "inter milan", "ac milan", "napoli", "roma", "bayern munich", "dortmund", "leipzig", "psg",
        "marseille", "lyon", "ajax", "benfica", "porto", "celtic", "hagl", "hà nội fc", "viettel", "hải phòng", "nam định", "thanh hóa", "slna",
        "bình dương", "tp hcm", "sài gòn fc", "thép xanh nam định", "công an hà nội",
    ];

    private static readonly string[] Countries =
    [
        "việt nam", "thái lan", "indonesia", "malaysia", "singapore", "philippines", "myanmar", "lào", "campuchia", "nhật bản", "hàn quốc", "trung quốc",
        "úc", "ả rập xê út", "iran", "qatar", "brazil", "argentina", "pháp", "đức", "anh", "tây ban nha", "bồ đào nha", "ý", "hà lan", "bỉ", "croatia",
        "mỹ", "mexico", "maroc", "senegal", "u23 việt nam", "u23 thái lan", "u22 việt nam",
    ];

    private static readonly string[] Players =
    [
        "messi", "ronaldo", "neymar", "mbappe", "haaland", "salah", "de bruyne", "kane", "son heung min", "benzema", "modric", "lewandowski", "quang hải",
        "công phượng", "văn hậu", "tiến linh", "văn toàn", "đặng văn lâm", "hoàng đức", "văn quyết", "nguyễn thùy linh", "hoàng xuân vinh",
    ];

    private static readonly string[] Sports = ["bóng đá", "bóng chuyền", "cầu lông", "quần vợt", "bóng rổ", "võ thuật", "bơi lội", "điền kinh", "boxing", "ufc", "f1", "bida", "esports"];

    private static readonly string[] Events = ["sea games", "asiad", "world cup", "euro", "aff cup", "olympic", "v league", "cúp c1", "ngoại hạng anh", "la liga", "serie a", "bundesliga", "nba", "wimbledon"];

    private static readonly string[] Singers =
    [
        "sơn tùng mtp", "đen vâu", "mỹ tâm", "đàm vĩnh hưng", "hoài lâm", "jack", "bích phương", "hồ ngọc hà", "noo phước thịnh", "đông nhi", "erik",
        "hòa minzy", "min", "amee", "hieuthuhai", "binz", "karik", "tlinh", "mono", "vũ", "chi pu", "quang hùng", "bts", "blackpink", "taylor swift",
        "phương mỹ chi", "như quỳnh", "quang lê", "lệ quyên", "trịnh công sơn", "khánh ly",
    ];

    private static readonly string[] MusicStyles = ["trẻ", "vàng", "bolero", "remix", "edm", "lofi", "thiếu nhi", "xuân", "trịnh", "cách mạng", "quê hương", "chill", "rap", "kpop"];
}
