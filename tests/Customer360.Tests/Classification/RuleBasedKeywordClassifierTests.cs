using System.Globalization;
using System.Text;
using Customer360.Domain.Classification;
using Customer360.Generation;

namespace Customer360.Tests.Classification;

/// <summary>
/// The compiled rules (one multi-string search per rule) against the plain reading of the rules — every term
/// tried in order, padded, at a word start, anywhere when long, and run together — on the generator's whole
/// vocabulary as viewers type it, on every rule term alone, and on terms glued to random text.
/// </summary>
public class RuleBasedKeywordClassifierTests
{
    private static readonly (string Genre, string[] Terms)[] Rules = RuleBasedKeywordClassifier.Rules;

    /// <summary>The rules read term by term, as they are written (the specification the compiled searches must match).</summary>
    private static string TermByTerm(string keyword)
    {
        var decomposed = keyword.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var text = new StringBuilder();
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(c);
            }
        }
        var folded = " " + text + " ";
        var compact = folded.Replace(" ", "", StringComparison.Ordinal);
        foreach (var (genre, terms) in Rules)
        {
            foreach (var term in terms)
            {
                if (folded.Contains(term.StartsWith(' ') ? term : " " + term, StringComparison.Ordinal)
                    || (term.Length > 4 && folded.Contains(term, StringComparison.Ordinal)))
                {
                    return genre;
                }
                var compactTerm = term.Replace(" ", "", StringComparison.Ordinal);
                if (compactTerm.Length >= 6 && compactTerm.Length < term.Length && compact.Contains(compactTerm, StringComparison.Ordinal))
                {
                    return genre;
                }
            }
        }
        return Genres.Other;
    }

    [Fact]
    public void Compiled_rules_decide_as_the_rules_read_term_by_term_on_the_generated_vocabulary()
    {
        var rng = SplitMix64.For(7, 1, 2);
        int checkedKeywords = 0, notOther = 0;
        foreach (var list in SearchVocabulary.For(400_000).Genres)
        {
            foreach (var (phrase, _) in list.Phrases)
            {
                foreach (var keyword in new[]
                {
                    phrase, phrase.ToUpperInvariant(), phrase.Normalize(NormalizationForm.FormD),
                    KeywordVariants.Type(phrase, 6, KeywordVariants.HasEpisodes(list.Genre), ref rng),
                    KeywordVariants.Type(phrase, 7, KeywordVariants.HasEpisodes(list.Genre), ref rng),
                    KeywordVariants.OneOff(phrase, ref rng),
                })
                {
                    var expected = TermByTerm(keyword);
                    Assert.True(expected == RuleBasedKeywordClassifier.Classify(keyword), $"'{keyword}': expected {expected}");
                    checkedKeywords++;
                    notOther += expected == Genres.Other ? 0 : 1;
                }
            }
        }
        // The vocabulary exercises the rules (not only Other).
        Assert.True(checkedKeywords > 10_000 && notOther > 1_000, $"{checkedKeywords} keywords, {notOther} not Other");
    }

    [Fact]
    public void Compiled_rules_decide_as_the_rules_read_term_by_term_on_terms_alone_glued_and_at_the_edges()
    {
        var rng = new Random(16);
        const string Alphabet = "abcdeghiklmnopqrstuvxy đĐóờ  ";
        string Noise(int max) => new(Enumerable.Range(0, rng.Next(max)).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).ToArray());
        var terms = Rules.SelectMany(r => r.Terms).ToList();
        foreach (var term in terms)
        {
            foreach (var keyword in new[]
            {
                term, term.Trim(), term.Replace(" ", "", StringComparison.Ordinal), "x" + term, term + "x", "phim " + term, term.ToUpperInvariant(),
            })
            {
                Assert.True(TermByTerm(keyword) == RuleBasedKeywordClassifier.Classify(keyword), $"'{keyword}'");
            }
        }
        for (int i = 0; i < 20_000; i++)
        {
            var a = terms[rng.Next(terms.Count)];
            var b = terms[rng.Next(terms.Count)];
            var keyword = Noise(4) + (rng.Next(2) == 0 ? a : a.Replace(" ", "", StringComparison.Ordinal)) + Noise(3) + (rng.Next(3) == 0 ? b : "") + Noise(4);
            Assert.True(TermByTerm(keyword) == RuleBasedKeywordClassifier.Classify(keyword), $"'{keyword}'");
        }
        Assert.Equal(Genres.Other, RuleBasedKeywordClassifier.Classify(""));
        Assert.Equal(TermByTerm(new string('a', 600) + " vtv"), RuleBasedKeywordClassifier.Classify(new string('a', 600) + " vtv"));
    }
}
