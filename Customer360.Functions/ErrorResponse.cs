namespace Customer360.Functions;

/// <summary>The body of every 4xx answer of the HTTP functions.</summary>
public sealed record ErrorResponse(string Error);
