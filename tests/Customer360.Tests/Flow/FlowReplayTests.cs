using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Tests.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Flow;

/// <summary>
/// Durable Functions replays an orchestrator from its history: the calls it scheduled, in order, and their
/// results in the order they completed. Here: run the flow once for real on one thread, as Durable does, recording
/// every activity call (in call order), the order the results arrived and every clock read; then replay it,
/// completing the calls in that order. The call sequence must be identical, or the Azure host would fail the run.
/// The two streams run at once, so the results of one interleave with the other's calls: the replay must follow
/// the recorded completion order, not complete each call at once.
/// </summary>
public class FlowReplayTests
{
    [Fact]
    public async Task Replaying_the_recorded_history_makes_the_same_calls_in_the_same_order()
    {
        using var temp = new TempFolder();
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"), ["""{"_source":{"Contract":"C1","AppName":"VOD","TotalDuration":10}}"""]);
        File.WriteAllLines(Path.Combine(content, "20220402.json"), ["""{"_source":{"Contract":"C2","AppName":"SPORT","TotalDuration":5}}"""]);
        var search = temp.Sub("search");
        await Search.SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [("U1", "vtv3"), ("U2", "doraemon"), ("U3", "running man")]);
        await Search.SearchParquet.WriteAsync(Path.Combine(search, "20220701.parquet"), [("U1", "bóng đá")]);

        var history = new History();
        var request = new PipelineRequest("replay-test", Shards: 3, ClassifyBatchSize: 2, ClassifyParallelism: 1);
        var (inner, _) = PipelineHarness.CreateContext(new PipelineHarness.Sources(content, search), temp.Sub("out"), parallelism: 2);
        using (inner)
        {
            SerialSynchronizationContext.Run(() => PipelineFlow.RunAsync(new RecordingContext(inner, history), request));
        }
        Assert.Contains(history.Calls, h => h.Name == ActivityNames.ClassifyBatch);
        Assert.Equal([ActivityNames.WriteRunReport, ActivityNames.WriteHtmlReport, ActivityNames.CleanupRun], history.Calls[^3..].Select(h => h.Name));
        // Both streams were in flight at once: a search call was made before the content stream's last call.
        int lastContent = history.Calls.FindLastIndex(h => h.Name == ActivityNames.LoadContent);
        Assert.Contains(history.Calls[..lastContent], h => h.Name == ActivityNames.MapSearchFile);

        var replay = new ReplayContext(history);
        SerialSynchronizationContext.Run(() => PipelineFlow.RunAsync(replay, request), replay.CompleteNext);
        Assert.Equal(history.Calls.Count, replay.Calls);
    }

    private sealed class History
    {
        /// <summary>Every call in the order the flow made it: name, input and (once completed) result.</summary>
        public List<(string Name, string Input, string Result)> Calls { get; } = [];

        /// <summary>Indexes into <see cref="Calls"/> in the order the flow saw their results.</summary>
        public List<int> Completions { get; } = [];

        public List<DateTime> Clock { get; } = [];
    }

    /// <summary>Forwards to a real context; records calls in the order the flow makes them and results in the order it sees them.</summary>
    private sealed class RecordingContext(IFlowContext inner, History history) : IFlowContext
    {
        public string InstanceId => inner.InstanceId;

        public DateTime CurrentUtcDateTime
        {
            get
            {
                var now = inner.CurrentUtcDateTime;
                history.Clock.Add(now);
                return now;
            }
        }

        public async Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetryPolicy? retry = null)
        {
            int index = history.Calls.Count;
            history.Calls.Add((name, JsonSerializer.Serialize(input, FlowJson.Options), ""));
            // Resumes on the flow's one thread, so the order of these lines is the order the flow sees results.
            var result = await inner.CallActivityAsync<TResult>(name, input, retry);
            history.Calls[index] = history.Calls[index] with { Result = JsonSerializer.Serialize(result, FlowJson.Options) };
            history.Completions.Add(index);
            return result;
        }

        public void SetCustomStatus(FlowStatus status) => inner.SetCustomStatus(status);

        public ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);
    }

    /// <summary>
    /// Plays back a history: the i-th call must match the i-th recorded call; results arrive only when the pump is
    /// idle, one at a time, in the recorded completion order (a result whose call was not made yet fails the replay).
    /// </summary>
    private sealed class ReplayContext(History history) : IFlowContext
    {
        private readonly List<Action> _complete = [];
        private int _clock;
        private int _completed;

        public int Calls { get; private set; }

        public string InstanceId => "replay-test";

        public DateTime CurrentUtcDateTime => history.Clock[_clock++];

        public Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetryPolicy? retry = null)
        {
            Assert.True(Calls < history.Calls.Count, $"Unexpected extra call {name}");
            var expected = history.Calls[Calls++];
            Assert.Equal(expected.Name, name);
            Assert.Equal(expected.Input, JsonSerializer.Serialize(input, FlowJson.Options));
            var result = new TaskCompletionSource<TResult>();
            _complete.Add(() => result.SetResult(JsonSerializer.Deserialize<TResult>(expected.Result, FlowJson.Options)!));
            return result.Task;
        }

        /// <summary>Delivers the next recorded result; false when the history has none left.</summary>
        public bool CompleteNext()
        {
            if (_completed == history.Completions.Count)
            {
                return false;
            }
            int index = history.Completions[_completed++];
            Assert.True(index < _complete.Count, $"The history completes call {index} ({history.Calls[index].Name}) before the replay made it.");
            _complete[index]();
            return true;
        }

        public void SetCustomStatus(FlowStatus status)
        {
        }

        public ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;
    }
}
