using System.Text;
using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;
using Customer360.Domain.Tables;

namespace Customer360.Domain.Activities;

/// <summary>Writes the run's <c>runs/&lt;runId&gt;/run_report.json</c> and its human summary <c>run_report.txt</c> to the output store.</summary>
public sealed class WriteRunReportActivity(PipelineEnvironment environment) : IActivity<RunReportInput, string>
{
    /// <returns>The name of the JSON report in the output store.</returns>
    public async Task<string> RunAsync(RunReportInput input, CancellationToken cancellationToken)
    {
        var report = RunReport.From(input);
        var jsonName = OutputLayout.RunFile(input.RunId, OutputLayout.RunReportJson);
        await environment.Output.WriteAsync(jsonName, (s, ct) => JsonSerializer.SerializeAsync(s, report, FlowJson.Indented, ct), cancellationToken).ConfigureAwait(false);
        var text = new UTF8Encoding(false).GetBytes(RunReportText.Render(report));
        await environment.Output.WriteAsync(OutputLayout.RunFile(input.RunId, OutputLayout.RunReportText), (s, ct) => s.WriteAsync(text, ct).AsTask(), cancellationToken).ConfigureAwait(false);
        if (environment.RunLog is { } runLog)
        {
            await runLog.RecordAsync(report, cancellationToken).ConfigureAwait(false);
        }
        return jsonName;
    }
}
