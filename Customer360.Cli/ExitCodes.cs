namespace Customer360.Cli;

/// <summary>Process exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run failed (nothing or not everything was written).</summary>
    public const int Failure = 1;

    /// <summary>The run completed, but some input could not be read to its end (see the run report).</summary>
    public const int InputErrors = 2;
}
