using System.Text;
using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Domain.Reporting;

namespace Customer360.Domain.Activities;

/// <summary>Writes <c>run_report.json</c> and its human summary <c>run_report.txt</c> to the output store.</summary>
public sealed class WriteRunReportActivity(PipelineEnvironment environment) : IActivity<RunReportInput, string>
{
    public const string JsonName = "run_report.json";
    public const string TextName = "run_report.txt";

    public async Task<string> RunAsync(RunReportInput input, CancellationToken cancellationToken)
    {
        var report = RunReport.From(input);
        await environment.Output.WriteAsync(JsonName, (s, ct) => JsonSerializer.SerializeAsync(s, report, FlowJson.Indented, ct), cancellationToken).ConfigureAwait(false);
        var text = new UTF8Encoding(false).GetBytes(RunReportText.Render(report));
        await environment.Output.WriteAsync(TextName, (s, ct) => s.WriteAsync(text, ct).AsTask(), cancellationToken).ConfigureAwait(false);
        if (environment.RunLog is { } runLog)
        {
            await runLog.RecordAsync(report, cancellationToken).ConfigureAwait(false);
        }
        return JsonName;
    }
}
