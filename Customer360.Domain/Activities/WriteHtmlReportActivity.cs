using System.Text;
using Customer360.Domain.Reporting.Html;
using Customer360.Domain.Tables;

namespace Customer360.Domain.Activities;

/// <summary>Writes <c>runs/&lt;runId&gt;/report.html</c> from that run's report (with its loads' figures), never from the tables.</summary>
public sealed class WriteHtmlReportActivity(PipelineEnvironment environment) : IActivity<string, string>
{
    /// <param name="input">The run id, whose run report is already in the output store.</param>
    /// <returns>The name of the page in the output store.</returns>
    public async Task<string> RunAsync(string input, CancellationToken cancellationToken)
    {
        var run = await ReportData.ReadRunReportAsync(environment.Output, OutputLayout.RunFile(input, OutputLayout.RunReportJson), cancellationToken).ConfigureAwait(false);
        var bytes = new UTF8Encoding(false).GetBytes(HtmlReportWriter.Render(ReportData.From(run)));
        var name = OutputLayout.RunFile(input, OutputLayout.HtmlReport);
        await environment.Output.WriteAsync(name, (s, ct) => s.WriteAsync(bytes, ct).AsTask(), cancellationToken).ConfigureAwait(false);
        return name;
    }
}
