using Azure.Storage.Blobs;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using DurableTask.Core.Exceptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Customer360.Functions;

/// <summary>
/// A log file landed in the logs container (Event Grid source, as Flex Consumption requires): start or
/// leave alone the run of its month, per <see cref="MonthRunScheduler"/>. Runs start after a quiet period
/// so the rest of the day's drops join them.
/// </summary>
public sealed partial class BlobDropTrigger(IConfiguration configuration, ILogger<BlobDropTrigger> logger)
{
    /// <summary>How long a scheduled month run waits for more drops before it starts.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(5);

    [Function(nameof(BlobDropTrigger))]
    public async Task RunAsync(
        [BlobTrigger("%" + AppSettingNames.LogsContainer + "%/{name}", Source = BlobTriggerSource.EventGrid, Connection = AppSettingNames.LogsConnection)] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (MonthRunScheduler.MonthOf(name) is not { } month)
        {
            LogIgnored(logger, name);
            return;
        }
        var current = await StateAsync(client, MonthRunScheduler.CurrentId(month), cancellationToken);
        var next = await StateAsync(client, MonthRunScheduler.NextId(month), cancellationToken);
        if (MonthRunScheduler.InstanceToStart(month, current, next) is not { } instanceId)
        {
            LogJoined(logger, name, month);
            return;
        }
        var request = HostedEnvironmentFactory.Request(instanceId, key => configuration[key], month, PipelineStreams.All);
        try
        {
            // Dedupe on every live status: a racing drop must fail, never replace a pending or running run
            // (the Functions host refuses these by default too; the option makes it explicit on every backend).
            await client.ScheduleNewOrchestrationInstanceAsync(PipelineFlow.Name, request,
                new StartOrchestrationOptions(instanceId, DateTimeOffset.UtcNow + QuietPeriod)
                    .WithDedupeStatuses(OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended),
                cancellationToken);
            LogScheduled(logger, name, instanceId, month, blob.BlobContainerName);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A concurrent drop of the same month won the race: its run will see this file.
            LogRaced(logger, name, instanceId);
        }
    }

    private static async Task<MonthRunState> StateAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return instance?.RuntimeStatus switch
        {
            null => MonthRunState.None,
            OrchestrationRuntimeStatus.Pending => MonthRunState.Pending,
            OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended => MonthRunState.Running,
            _ => MonthRunState.Finished,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignoring {Blob}: not a content or search log")]
    private static partial void LogIgnored(ILogger logger, string blob);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Blob} joins the pending run of {Month}")]
    private static partial void LogJoined(ILogger logger, string blob, int month);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Blob} scheduled run {InstanceId} of {Month} (container {Container})")]
    private static partial void LogScheduled(ILogger logger, string blob, string instanceId, int month, string container);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Blob}: run {InstanceId} was already scheduled by a concurrent drop")]
    private static partial void LogRaced(ILogger logger, string blob, string instanceId);
}
