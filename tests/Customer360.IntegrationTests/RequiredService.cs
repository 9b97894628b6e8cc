namespace Customer360.IntegrationTests;

/// <summary>
/// Reads a service's connection setting exported by scripts/test.sh. A missing setting fails the test
/// with a clear message: these tests exercise real services and are never silently skipped.
/// </summary>
public static class RequiredService
{
    public static string Get(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the integration tests through scripts/test.sh, which starts the services.");
}
