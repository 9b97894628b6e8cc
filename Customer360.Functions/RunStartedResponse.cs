namespace Customer360.Functions;

/// <summary>The 202 body of <c>POST /api/runs</c>: the new run's id and where to ask for its status (also the <c>Location</c> header).</summary>
public sealed record RunStartedResponse(string Id, string StatusQueryGetUri);
