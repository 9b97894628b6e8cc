using System.Text.Json;
using Customer360.Domain.Flow;
using Customer360.Tests.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Flow;

/// <summary>
/// Durable Functions replays an orchestrator from its history. Here: run the flow once for real while
/// recording every activity call (in call order) with its result and every clock read, then replay it
/// against the recording. The call sequence must be identical, or the Azure host would fail the run.
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

        var history = new List<(string Name, string Input, string Result)>();
        var clock = new List<DateTime>();
        var request = new PipelineRequest("replay-test", Shards: 3, ClassifyBatchSize: 2, ClassifyParallelism: 1);
        var (inner, _) = PipelineHarness.CreateContext(new PipelineHarness.Sources(content, search), temp.Sub("out"), parallelism: 2);
        using (inner)
        {
            var recording = new RecordingContext(inner, history, clock);
            await PipelineFlow.RunAsync(recording, request);
        }
        Assert.Contains(history, h => h.Name == ActivityNames.ClassifyBatch);
        Assert.Equal([ActivityNames.WriteRunReport, ActivityNames.WriteHtmlReport, ActivityNames.CleanupRun], history[^3..].Select(h => h.Name));

        var replay = new ReplayContext(history, clock);
        await PipelineFlow.RunAsync(replay, request);
        Assert.Equal(history.Count, replay.Calls);
    }

    /// <summary>Forwards to a real context; records calls in the order the flow makes them.</summary>
    private sealed class RecordingContext(IFlowContext inner, List<(string Name, string Input, string Result)> history, List<DateTime> clock) : IFlowContext
    {
        public string InstanceId => inner.InstanceId;

        public DateTime CurrentUtcDateTime
        {
            get
            {
                var now = inner.CurrentUtcDateTime;
                clock.Add(now);
                return now;
            }
        }

        public async Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetryPolicy? retry = null)
        {
            int index;
            lock (history)
            {
                index = history.Count;
                history.Add((name, JsonSerializer.Serialize(input, FlowJson.Options), ""));
            }
            var result = await inner.CallActivityAsync<TResult>(name, input, retry);
            lock (history)
            {
                history[index] = history[index] with { Result = JsonSerializer.Serialize(result, FlowJson.Options) };
            }
            return result;
        }

        public void SetCustomStatus(FlowStatus status) => inner.SetCustomStatus(status);

        public ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);
    }

    /// <summary>Plays back a history: the i-th call must match the i-th recorded call, and gets its recorded result.</summary>
    private sealed class ReplayContext(List<(string Name, string Input, string Result)> history, List<DateTime> clock) : IFlowContext
    {
        private int _clock;

        public int Calls { get; private set; }

        public string InstanceId => "replay-test";

        public DateTime CurrentUtcDateTime => clock[_clock++];

        public Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetryPolicy? retry = null)
        {
            Assert.True(Calls < history.Count, $"Unexpected extra call {name}");
            var expected = history[Calls++];
            Assert.Equal(expected.Name, name);
            Assert.Equal(expected.Input, JsonSerializer.Serialize(input, FlowJson.Options));
            return Task.FromResult(JsonSerializer.Deserialize<TResult>(expected.Result, FlowJson.Options)!);
        }

        public void SetCustomStatus(FlowStatus status)
        {
        }

        public ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;
    }
}
