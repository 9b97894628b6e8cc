using Customer360.Domain.Activities;
using Customer360.Domain.Flow;
using Customer360.Domain.Hosting;
using Customer360.Domain.Storage;
using Customer360.Tests.Classification;
using Customer360.Tests.Pipeline;
using Customer360.Tests.Reporting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Tests.Flow;

/// <summary>
/// A step that fails for good, on the in-process host: the run still fails with the step's error, and the run
/// log gets one <c>failed</c> record with the stage and the reason; the run's scratch is cleaned up.
/// </summary>
public class RunFailureTests
{
    private const string RunId = "fails-at-load";

    private static (InProcessFlowContext Context, AlwaysFailingActivity<LoadContentInput, TableLoadResult> Load, string Work) Create(TempFolder temp, RecordingRunLog runLog)
    {
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"),
        [
            """{"_source":{"Contract":"C1","AppName":"CHANNEL","TotalDuration":100}}""",
            """{"_source":{"Contract":"C2","AppName":"VOD","TotalDuration":50}}""",
        ]);
        var work = Path.Combine(temp.Path, "out", ".work");
        var environment = new PipelineEnvironment
        {
            Content = new SourceLocation(new LocalFolderStore(content), ""),
            Work = new LocalFolderStore(work),
            Output = new LocalFolderStore(Path.Combine(temp.Path, "out")),
            Sinks = [new PipelineHarness.CapturingSink()],
            KeywordCache = new InMemoryKeywordCache(),
            RunLog = runLog,
        };
        var catalog = new ActivityCatalog(environment);
        var load = new AlwaysFailingActivity<LoadContentInput, TableLoadResult>(() => new IOException("the warehouse is gone"));
        catalog.Add(ActivityNames.LoadContent, load);
        return (new InProcessFlowContext(RunId, catalog, 2, NullLoggerFactory.Instance), load, work);
    }

    [Fact]
    public async Task A_step_that_always_fails_is_recorded_once_with_its_stage_and_reason_and_the_run_still_fails()
    {
        using var temp = new TempFolder();
        var runLog = new RecordingRunLog();
        var (context, load, work) = Create(temp, runLog);
        using (context)
        {
            var error = await Assert.ThrowsAsync<IOException>(() => PipelineFlow.RunAsync(context, new PipelineRequest(RunId, 2)));
            Assert.Equal("the warehouse is gone", error.Message);
            Assert.Equal(ActivityRetryPolicy.Default.MaxNumberOfAttempts, load.Attempts);

            var failure = Assert.Single(runLog.Failures);
            Assert.Equal(RunId, failure.RunId);
            Assert.Equal("load_content", failure.Stage);
            Assert.Equal("the warehouse is gone", failure.Reason);
            Assert.True(failure.FailedAtUtc >= failure.StartedAtUtc);
            Assert.Empty(runLog.Reports);
            // The reduce steps wrote shard results under the run's scratch; the failure recorder removed them.
            Assert.Contains(context.Calls, c => c.Name == ActivityNames.ReduceContentShard);
            Assert.False(Directory.Exists(Path.Combine(work, "runs", RunId)), "the run's scratch is left behind");
            Assert.Single(context.Calls, c => c.Name == ActivityNames.RecordRunFailure);
            Assert.DoesNotContain(context.Calls, c => c.Name == ActivityNames.CleanupRun);
        }
    }

    [Fact]
    public async Task A_run_log_that_cannot_record_the_failure_does_not_hide_the_runs_own_error()
    {
        using var temp = new TempFolder();
        var runLog = new RecordingRunLog(new InvalidOperationException("run log down"));
        var (context, _, _) = Create(temp, runLog);
        using (context)
        {
            var error = await Assert.ThrowsAsync<IOException>(() => PipelineFlow.RunAsync(context, new PipelineRequest(RunId, 2)));
            Assert.Equal("the warehouse is gone", error.Message);
            Assert.Empty(runLog.Failures);
            Assert.DoesNotContain(context.Calls, c => c.Name == ActivityNames.RecordRunFailure); // it failed every attempt
        }
    }
}
