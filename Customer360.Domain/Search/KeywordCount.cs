namespace Customer360.Domain.Search;

/// <summary>How many times a user searched a keyword in a day: the keyword by its id in the day (<see cref="SearchDayAggregator.KeywordUtf8"/>).</summary>
public readonly record struct KeywordCount(int Keyword, int Count);
