namespace Customer360.Generation;

/// <summary>One genre of <see cref="SearchVocabulary"/>: its phrases, most popular first, with the month (6 or 7; 0 = both) each is searched in, and the genre's weight among viewers' favourites.</summary>
public sealed record GenreList(string Genre, double Weight, IReadOnlyList<(string Phrase, int OnlyMonth)> Phrases);
