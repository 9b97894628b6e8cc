using Customer360.Domain.WorkStore;

namespace Customer360.Tests.WorkStore;

/// <summary>Every work name comes from <see cref="WorkNames"/> and <see cref="PartialKey"/>: partials keyed by what their bytes depend on, run names under the run's scratch.</summary>
public class WorkNamesTests
{
    [Fact]
    public void A_partial_key_changes_with_every_input_its_bytes_depend_on_and_only_then()
    {
        var key = PartialKey.Content("20220401.json", "etag-1", "fp", 8);
        Assert.StartsWith($"partials/content/{PartialKey.PipelineVersion}/20220401.json/", key.Prefix, StringComparison.Ordinal);
        Assert.EndsWith("/", key.Prefix, StringComparison.Ordinal);
        Assert.Equal(key, PartialKey.Content("20220401.json", "etag-1", "fp", 8));
        Assert.NotEqual(key, PartialKey.Content("20220401.json", "etag-2", "fp", 8));
        Assert.NotEqual(key, PartialKey.Content("20220401.json", "etag-1", "other-map", 8));
        Assert.NotEqual(key, PartialKey.Content("20220401.json", "etag-1", "fp", 16));

        var search = PartialKey.Search("search/20220601/part-0.parquet", "20220601/part-0.parquet", "etag-1", 8);
        // One folder per file: the file's subfolder becomes part of the folder's name.
        Assert.StartsWith($"partials/search/{PartialKey.PipelineVersion}/20220601_part-0.parquet/", search.Prefix, StringComparison.Ordinal);
        Assert.NotEqual(search, PartialKey.Search("search/20220601/part-0.parquet", "20220601/part-0.parquet", "etag-1", 4));
    }

    [Fact]
    public void Shards_and_the_manifest_live_inside_their_partial()
    {
        var key = PartialKey.Content("20220401.json", "e", "fp", 4);
        Assert.Equal(key.Prefix + "shard-00003.bin", key.Shard(3));
        Assert.Equal(key.Prefix + WorkNames.ManifestFile, key.Manifest);
        Assert.Equal(key.Shard(3), WorkNames.PartialShard(key.Prefix, 3));
    }

    [Fact]
    public void Every_run_name_is_under_the_runs_scratch_and_a_batch_result_is_named_by_its_number()
    {
        const string run = "month-202204";
        var scratch = WorkNames.RunScratch(run);
        Assert.Equal("runs/month-202204/", scratch);
        string[] names =
        [
            WorkNames.ShardResult(run, WorkNames.ContentStream, 1), WorkNames.ShardResult(run, WorkNames.SearchStream, 1),
            WorkNames.ShardKeywords(run, 1), WorkNames.CachedGenres(run), WorkNames.ClassifyBatch(run, 2), WorkNames.ClassifyResult(run, 2),
            WorkNames.Customer360ContentSide(run), WorkNames.Customer360SearchSide(run), WorkNames.IdentityMap(run),
        ];
        Assert.All(names, n => Assert.StartsWith(scratch, n, StringComparison.Ordinal));
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("runs/month-202204/content/shard-00001.bin", names[0]);
        Assert.Equal("runs/month-202204/search/shard-00001.bin", names[1]);
        Assert.Equal("runs/month-202204/classify/batch-00002.json", names[4]);
        Assert.Equal("runs/month-202204/classify/result-00002.json", names[5]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void An_odd_run_id_never_widens_a_scratch_name_to_other_runs(string runId)
    {
        var error = Assert.Throws<ArgumentException>(() => WorkNames.RunScratch(runId));
        Assert.Contains("is not a run id", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => WorkNames.ClassifyBatch(runId, 0));
    }
}
