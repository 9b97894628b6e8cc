using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;

namespace Customer360.Domain.Classification;

/// <summary>
/// A per-try pipeline policy that counts the HTTP requests really sent (SDK retries included) for the
/// batch being classified on the current async flow.
/// </summary>
internal sealed class RequestCountingPolicy : PipelinePolicy
{
    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    /// <summary>Starts counting for the calling async flow; read the box after the calls.</summary>
    public static StrongBox<int> Begin() => Current.Value = new StrongBox<int>();

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Count();
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Count();
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    private static void Count()
    {
        if (Current.Value is { } box)
        {
            Interlocked.Increment(ref box.Value);
        }
    }
}
