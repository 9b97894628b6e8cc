using Microsoft.Extensions.Logging;

namespace Customer360.Cli;

/// <summary>Console logging for the CLI: warnings only on an interactive terminal (the progress display speaks), info otherwise.</summary>
public static class Logging
{
    public static ILoggerFactory Create(bool verbose) => LoggerFactory.Create(builder => builder
        .AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        })
        .SetMinimumLevel(verbose || !ProgressDisplay.IsInteractive ? LogLevel.Information : LogLevel.Warning));
}
