namespace Customer360.Domain.Hosting;

/// <summary>The settings of a run are not valid: every problem, each naming its setting and the allowed values. Thrown before any work starts.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException(IReadOnlyList<string> errors)
        : base("Invalid settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    public SettingsException()
        : this([])
    {
    }

    public SettingsException(string message)
        : this([message])
    {
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; } = [];
}
