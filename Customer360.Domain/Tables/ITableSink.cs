namespace Customer360.Domain.Tables;

/// <summary>A destination for finished tables. Writing a table replaces what the sink held for it.</summary>
public interface ITableSink
{
    /// <summary>Writes <paramref name="table"/>; returns the names of what was written (files, tables).</summary>
    Task<IReadOnlyList<string>> WriteAsync(OutputTable table, CancellationToken cancellationToken);
}
