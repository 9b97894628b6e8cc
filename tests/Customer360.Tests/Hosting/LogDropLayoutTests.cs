using Customer360.Cli;
using Customer360.Domain.Activities;
using Customer360.Domain.Hosting;
using Customer360.Domain.Storage;

namespace Customer360.Tests.Hosting;

/// <summary>The month of a log's name is decided in one place: the plan, the blob trigger's scheduler and the local watcher agree.</summary>
public class LogDropLayoutTests
{
    public static TheoryData<string, int?> Names => new()
    {
        { "content/20220401.json", 202204 },
        { "content/20220430.json.gz", 202204 },
        { "search/20220601/part-0.parquet", 202206 },
        { "search/20220715.parquet", 202207 },
        { "content/x/20220401.json", null },     // the watcher used to accept this one, which no run reads
        { "content/archive/20220401.json.gz", null },
        { "content/readme.txt", null },
        { "content/20221301.json", null },
        { "search/20220601/a/b.parquet", null },
        { "_c360/work/partials/content/v1/x", null },
        { "20220401.json", null },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void The_scheduler_and_the_layout_agree(string name, int? month)
    {
        Assert.Equal(month, LogDropLayout.MonthOf(name));
        Assert.Equal(month, MonthRunScheduler.MonthOf(name));
    }

    [Fact]
    public async Task The_plan_reads_exactly_the_files_that_start_a_run()
    {
        using var temp = new TempFolder();
        var environment = await DropFolder.PlanningEnvironmentAsync(temp.Path, Names.Select(r => (string)r[0]));
        var plan = await new PlanRunActivity(environment).RunAsync(new Domain.Flow.PlanInput(null, Domain.Flow.PipelineStreams.All), CancellationToken.None);
        var planned = plan.ContentFiles.Concat(plan.SearchFiles).Select(f => f.Name).Order(StringComparer.Ordinal);
        var starting = Names.Select(r => ((string)r[0], (int?)r[1])).Where(r => r.Item2 is not null).Select(r => r.Item1).Order(StringComparer.Ordinal);
        Assert.Equal(starting, planned);
    }

    [Fact]
    public async Task The_watcher_ignores_a_name_no_run_would_read()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "content", "x"));
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "content", "x", "20220401.json"), "x");
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "content", "20220501.json"), "x");
        var runs = new List<IReadOnlyList<int>>();
        // Quiet period zero: the first listing decides, so nothing here depends on timing.
        var watcher = new BlobDropWatcher(new LocalFolderStore(temp.Path), poll: TimeSpan.FromMilliseconds(1), quiet: TimeSpan.Zero);
        await watcher.WatchAsync((months, _) =>
        {
            runs.Add(months);
            return Task.CompletedTask;
        }, maxRuns: 1, CancellationToken.None);
        Assert.Equal([202205], Assert.Single(runs));
    }
}
