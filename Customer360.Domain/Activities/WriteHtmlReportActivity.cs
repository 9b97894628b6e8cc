using System.Text;
using Customer360.Domain.Reporting.Html;

namespace Customer360.Domain.Activities;

/// <summary>Writes <c>report.html</c> from the tables and run report already in the output store.</summary>
public sealed class WriteHtmlReportActivity(PipelineEnvironment environment) : IActivity<string, string>
{
    public const string Name = "report.html";

    /// <param name="input">The run id (for the log); the page is built from the output store.</param>
    public async Task<string> RunAsync(string input, CancellationToken cancellationToken)
    {
        var data = await ReportData.LoadAsync(environment.Output, cancellationToken).ConfigureAwait(false);
        var bytes = new UTF8Encoding(false).GetBytes(HtmlReportWriter.Render(data));
        await environment.Output.WriteAsync(Name, (s, ct) => s.WriteAsync(bytes, ct).AsTask(), cancellationToken).ConfigureAwait(false);
        return Name;
    }
}
