namespace Customer360.Domain.WorkStore;

/// <summary>
/// Where one daily file's partial lives, keyed by everything its bytes depend on: the file's version (ETag),
/// the pipeline version, the shard count and (content) the options' fingerprint. A partial made under other
/// inputs has another key, so it is never reused by mistake.
/// </summary>
public sealed record PartialKey(string Prefix)
{
    /// <summary>Bumped whenever the partial format or map semantics change, so old partials are not reused.</summary>
    public const string PipelineVersion = "v2";

    /// <param name="fileName">The content log's name (<c>YYYYMMDD.json[.gz]</c>).</param>
    /// <param name="optionsFingerprint">The options the map's output depends on (the category map).</param>
    public static PartialKey Content(string fileName, string etag, string optionsFingerprint, int shards) =>
        new(WorkNames.PartialPrefix(WorkNames.ContentStream, PipelineVersion, fileName, Hashing.ShortHex($"{etag}|{optionsFingerprint}|{shards}")));

    /// <param name="sourceName">The search log's full name in its store.</param>
    /// <param name="relativePath">Its name relative to the search folder (<c>YYYYMMDD/part.parquet</c>).</param>
    public static PartialKey Search(string sourceName, string relativePath, string etag, int shards) =>
        new(WorkNames.PartialPrefix(WorkNames.SearchStream, PipelineVersion, relativePath, Hashing.ShortHex($"{sourceName}|{etag}|{shards}")));

    public string Manifest => WorkNames.Manifest(Prefix);

    public string Shard(int shard) => WorkNames.PartialShard(Prefix, shard);
}
