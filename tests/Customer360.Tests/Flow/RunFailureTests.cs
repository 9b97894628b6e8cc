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
        var (catalog, _, work, _) = Catalog(temp, runLog, search: null);
        var load = new AlwaysFailingActivity<LoadContentInput, TableLoadResult>(() => new IOException("the warehouse is gone"));
        catalog.Add(ActivityNames.LoadContent, load);
        return (new InProcessFlowContext(RunId, catalog, 2, NullLoggerFactory.Instance), load, work);
    }

    /// <summary>The real activities over one content day (and the given search logs); the caller replaces some.</summary>
    private static (ActivityCatalog Catalog, PipelineEnvironment Environment, string Work, PipelineHarness.CapturingSink Sink) Catalog(TempFolder temp, RecordingRunLog runLog, string? search)
    {
        var content = temp.Sub("content");
        File.WriteAllLines(Path.Combine(content, "20220401.json"),
        [
            """{"_source":{"Contract":"C1","AppName":"CHANNEL","TotalDuration":100}}""",
            """{"_source":{"Contract":"C2","AppName":"VOD","TotalDuration":50}}""",
        ]);
        var work = Path.Combine(temp.Path, "out", ".work");
        var sink = new PipelineHarness.CapturingSink();
        var environment = new PipelineEnvironment
        {
            Content = new SourceLocation(new LocalFolderStore(content), ""),
            Search = search is null ? null : new SourceLocation(new LocalFolderStore(search), ""),
            Work = new LocalFolderStore(work),
            Output = new LocalFolderStore(Path.Combine(temp.Path, "out")),
            Sinks = [sink],
            KeywordCache = new InMemoryKeywordCache(),
            RunLog = runLog,
        };
        return (new ActivityCatalog(environment), environment, work, sink);
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

    [Fact]
    public async Task A_stream_that_fails_while_the_other_still_runs_fails_the_run_only_once_the_other_has_finished()
    {
        using var temp = new TempFolder();
        var runLog = new RecordingRunLog();
        var search = temp.Sub("search");
        await Search.SearchParquet.WriteAsync(Path.Combine(search, "20220601.parquet"), [("U1", "vtv3")]);
        var (catalog, environment, work, sink) = Catalog(temp, runLog, search);
        // The search map fails for good while content's load is still to come: content's load waits for that
        // last failed attempt, so the run's failure cannot be recorded before content has finished, whatever the timing.
        var searchFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var map = new AlwaysFailingActivity<MapSearchFileInput, SearchMapResult>(() => new IOException("the search logs are unreadable"),
            attempt => { if (attempt == ActivityRetryPolicy.Default.MaxNumberOfAttempts) searchFailed.TrySetResult(); });
        catalog.Add(ActivityNames.MapSearchFile, map);
        var load = new LoadContentActivity(environment);
        catalog.Add(ActivityNames.LoadContent, new DelegateActivity<LoadContentInput, StreamLoadResult>(async (input, ct) =>
        {
            await searchFailed.Task.WaitAsync(ct);
            return await load.RunAsync(input, ct);
        }));
        using var context = new InProcessFlowContext(RunId, catalog, 2, NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<IOException>(() => PipelineFlow.RunAsync(context, new PipelineRequest(RunId, 2)));

        Assert.Equal("the search logs are unreadable", error.Message);
        Assert.Equal(ActivityRetryPolicy.Default.MaxNumberOfAttempts, map.Attempts);
        var failure = Assert.Single(runLog.Failures);
        Assert.Equal("map_search", failure.Stage);
        // The content stream ran to its end (its table loaded), and only then was the failure recorded.
        var calls = context.Calls.Select(c => c.Name).ToList();
        Assert.True(calls.IndexOf(ActivityNames.LoadContent) is >= 0 and var loaded && loaded < calls.IndexOf(ActivityNames.RecordRunFailure),
            $"expected content's load to complete before the failure was recorded, calls: {string.Join(", ", calls)}");
        Assert.Contains("content_profile", sink.Tables.Keys);
        Assert.DoesNotContain(ActivityNames.ReduceSearchShard, calls);
        Assert.DoesNotContain(ActivityNames.LoadCustomer360, calls);
        Assert.False(Directory.Exists(Path.Combine(work, "runs", RunId)), "the run's scratch is left behind");
    }
}
