using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Customer360.Functions.Tests.Triggers;

/// <summary>Keeps every formatted log message (the trigger's outcome per drop is in its log).</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue(formatter(state, exception));
}
