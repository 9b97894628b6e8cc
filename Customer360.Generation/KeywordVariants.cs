using System.Text;
using Customer360.Domain.Classification;

namespace Customer360.Generation;

/// <summary>
/// Types a phrase the way viewers do: often without diacritics, sometimes run together, abbreviated to its
/// initials, misspelt by one keystroke, or with an episode number or a quality word added.
/// </summary>
public static class KeywordVariants
{
    private static readonly string[] Suffixes = ["hd", "full", "vietsub", "thuyet minh", "2022", "moi nhat", "tron bo"];
    private const string Vowels = "aeiouy";

    /// <summary>Whether viewers search a genre's titles by episode (series, cartoons, shows).</summary>
    public static bool HasEpisodes(string genre) => genre is "Drama" or "C Drama" or "K Drama" or "Animation" or "Reality Show" or "Comedy";

    public static string Type(string phrase, int month, bool episodes, ref SplitMix64 rng)
    {
        double r = rng.NextDouble();
        if (r < 0.42)
        {
            return phrase;
        }
        var plain = RuleBasedKeywordClassifier.Fold(phrase);
        return r switch
        {
            < 0.70 => plain,
            < 0.76 => plain.Replace(" ", "", StringComparison.Ordinal),
            < 0.79 => Initials(plain) ?? plain,
            < 0.87 => Misspell(plain, ref rng),
            // Episodes move on between the months: June searches episodes 1–40, July 20–70.
            < 0.95 when episodes => $"{plain} tap {(month == 7 ? 20 : 1) + rng.NextInt(month == 7 ? 50 : 40)}",
            _ => plain + " " + Suffixes[rng.NextInt(Suffixes.Length)],
        };
    }

    /// <summary>A query nobody else types: a title with a stray number, or keyboard noise.</summary>
    public static string OneOff(string phrase, ref SplitMix64 rng)
    {
        if (rng.NextDouble() < 0.6)
        {
            return RuleBasedKeywordClassifier.Fold(phrase) + " " + rng.Next() % 1_000_000;
        }
        var noise = new StringBuilder();
        int length = 3 + rng.NextInt(8);
        for (int i = 0; i < length; i++)
        {
            noise.Append((char)('a' + rng.NextInt(26)));
        }
        return noise.ToString();
    }

    private static string? Initials(string plain)
    {
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 ? string.Concat(words.Select(w => w[0])) : null;
    }

    private static string Misspell(string plain, ref SplitMix64 rng)
    {
        if (plain.Length < 4)
        {
            return plain + plain[^1];
        }
        int at = 1 + rng.NextInt(plain.Length - 2);
        var chars = plain.ToCharArray();
        switch (rng.NextInt(4))
        {
            case 0: // a key dropped
                return plain.Remove(at, 1);
            case 1: // a key pressed twice
                return plain.Insert(at, plain[at].ToString());
            case 2: // two keys swapped
                (chars[at], chars[at - 1]) = (chars[at - 1], chars[at]);
                return new string(chars);
            default: // the wrong vowel
                int v = plain.IndexOfAny(Vowels.ToCharArray(), at);
                if (v < 0)
                {
                    return plain.Remove(at, 1);
                }
                chars[v] = Vowels[(Vowels.IndexOf(chars[v], StringComparison.Ordinal) + 1 + rng.NextInt(Vowels.Length - 1)) % Vowels.Length];
                return new string(chars);
        }
    }
}
