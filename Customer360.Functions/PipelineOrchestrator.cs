using Customer360.Domain.Flow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Customer360.Functions;

/// <summary>The orchestrator: the shared flow, run by Durable Functions.</summary>
public static class PipelineOrchestrator
{
    [Function(PipelineFlow.Name)]
    public static Task<PipelineResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, PipelineRequest request) =>
        PipelineFlow.RunAsync(new DurableFlowContext(context), request);
}
