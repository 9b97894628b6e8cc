using Customer360.Domain.Search;
using Sylvan.Data.Csv;

namespace Customer360.Domain.Classification.Evaluation;

/// <summary>
/// Reads a labelled set: CSV with a <c>keyword,genre</c> header. Keywords are normalised as the pipeline
/// normalises them. A row with an empty keyword, a genre outside the closed set, or a keyword already
/// given (after normalisation) is refused with its line number: a silently dropped row would skew the score.
/// </summary>
public static class LabelledKeywordCsv
{
    public static List<LabelledKeyword> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Labelled set {path} does not exist.");
        }
        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
        int keywordColumn, genreColumn;
        try
        {
            keywordColumn = reader.GetOrdinal("keyword");
            genreColumn = reader.GetOrdinal("genre");
        }
        catch (IndexOutOfRangeException)
        {
            throw new InvalidDataException($"Labelled set {path} needs a keyword,genre header.");
        }
        var rows = new List<LabelledKeyword>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int line = 1;
        while (reader.Read())
        {
            line++;
            var keyword = KeywordNormalizer.Normalize(reader.GetString(keywordColumn));
            var genre = reader.GetString(genreColumn).Trim();
            if (keyword.Length == 0)
            {
                throw new InvalidDataException($"Labelled set {path}, line {line}: the keyword is empty.");
            }
            if (!Genres.IsValid(genre))
            {
                throw new InvalidDataException($"Labelled set {path}, line {line}: \"{genre}\" is not a genre (one of {string.Join(", ", Genres.All)}).");
            }
            if (seen.TryGetValue(keyword, out var first))
            {
                throw new InvalidDataException($"Labelled set {path}, line {line}: \"{keyword}\" is already labelled on line {first}.");
            }
            seen[keyword] = line;
            rows.Add(new LabelledKeyword(keyword, genre));
        }
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"Labelled set {path} has no rows.");
        }
        return rows;
    }
}
