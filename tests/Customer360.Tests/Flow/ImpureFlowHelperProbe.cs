using System.Globalization;

// Deliberately in the flow's namespace: FlowPurityTests shows that a helper placed in Flow/ is checked for
// what it does, not trusted for where it is.
namespace Customer360.Domain.Flow;

/// <summary>An impure helper in the flow's namespace, as a careless change might add one (a test probe; never called).</summary>
internal static class ImpureFlowHelperProbe
{
    public static readonly int Dice = new Random().Next();

    public static string StartedAt() => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    public static async Task<string> ReadSettingsAsync() => await File.ReadAllTextAsync("settings.json").ConfigureAwait(false);
}
