namespace Customer360.Domain.Flow;

/// <summary>Stage and progress of a run: what the custom status and the progress display show.</summary>
/// <param name="Rows">Input rows processed by the stage's finished steps (for rows/s).</param>
public sealed record FlowStatus(string Stage, int Done, int Total, long Rows = 0);
