namespace Customer360.IntegrationTests.Warehouse;

/// <summary>Tests with server-wide faults (a restart, a global setting): they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MySqlServerFaults
{
    public const string Name = "MySQL server faults";
}
