namespace Customer360.Domain.Classification;

/// <summary>The closed set of search genres (DESIGN §4). Nothing outside it is ever written.</summary>
public static class Genres
{
    public const string Other = "Other";

    public static IReadOnlyList<string> All { get; } =
    [
        "Action", "Romance", "Comedy", "Horror", "Animation", "Drama", "C Drama", "K Drama",
        "Sports", "Music", "Reality Show", "TV Channel", "News", Other,
    ];

    public static bool IsValid(string? genre) => genre is not null && All.Contains(genre, StringComparer.Ordinal);
}
