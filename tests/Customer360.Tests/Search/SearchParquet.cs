using Parquet;
using Parquet.Schema;

namespace Customer360.Tests.Search;

/// <summary>Writes small search-log Parquet files for tests.</summary>
public static class SearchParquet
{
    public static async Task WriteAsync(string path, IReadOnlyList<(string? User, string? Keyword)> rows, bool withExtraColumns = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fields = new List<Field> { new DataField<string>("user_id"), new DataField<string>("keyword") };
        if (withExtraColumns)
        {
            fields.Insert(0, new DataField<string>("eventID"));
            fields.Add(new DataField<string>("platform"));
        }
        var schema = new ParquetSchema(fields);
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file);
        using var group = writer.CreateRowGroup();
        foreach (var field in schema.GetDataFields())
        {
            IReadOnlyCollection<string?> values = field.Name switch
            {
                "user_id" => rows.Select(r => r.User).ToArray(),
                "keyword" => rows.Select(r => r.Keyword).ToArray(),
                _ => rows.Select(_ => "x").ToArray(),
            };
            await group.WriteAsync(field, values!);
        }
    }

    /// <summary>A file whose schema lacks the keyword column.</summary>
    public static async Task WriteWithoutKeywordAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var schema = new ParquetSchema(new DataField<string>("user_id"), new DataField<int>("clicks"));
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(schema.GetDataFields()[0], new[] { "U1" });
        await group.WriteAsync<int>(schema.GetDataFields()[1], (ReadOnlyMemory<int>)new[] { 1 });
    }
}
