namespace Customer360.Domain.Search;

/// <summary>How many times a user searched a keyword in a day: the keyword by its id in <see cref="SearchDayAggregator.Keywords"/>.</summary>
public readonly record struct KeywordCount(int Keyword, int Count);
