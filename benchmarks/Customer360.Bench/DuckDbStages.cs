using System.Globalization;
using DuckDB.NET.Data;

namespace Customer360.Bench;

/// <summary>
/// The peer: DuckDB computing the same tables from the same files in SQL, as a user would write it
/// (content: typed read_json then GROUP BY; search: raw pairs counted, each distinct raw keyword
/// normalised once, re-aggregated, ties by arg_min), plus the content variant that follows every edge
/// rule line by line. MostWatch ties are broken by category order, search ties by the smallest keyword.
/// </summary>
public static class DuckDbStages
{
    private static readonly string[] Categories = ["truyen_hinh", "phim_truyen", "giai_tri", "thieu_nhi", "the_thao"];

    public static DuckDBConnection Open(int threads)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}; SET preserve_insertion_order = false;"));
        return connection;
    }

    /// <summary>
    /// The query a user would write: DuckDB's NDJSON reader with the four <c>_source</c> fields typed, then
    /// GROUP BY. It agrees with ours on the bench data, whose bad lines it happens to treat the same way
    /// (see <see cref="ContentExact"/> for the line-by-line variant that follows every edge rule).
    /// </summary>
    public static TableSummary Content(DuckDBConnection connection, string contentDir)
    {
        var glob = Path.Combine(contentDir, "*.json").Replace("'", "''", StringComparison.Ordinal);
        return ProfileFrom(connection, $$"""
            src AS (
                SELECT regexp_extract(filename, '(\d{8})\.json$', 1) AS d,
                       _source.Contract AS contract, _source.AppName AS app, _source.TotalDuration AS dur, _source.Mac AS mac
                FROM read_json('{{glob}}', format = 'newline_delimited', filename = true, ignore_errors = true,
                               columns = {_source: 'STRUCT(Contract VARCHAR, Mac VARCHAR, AppName VARCHAR, TotalDuration BIGINT)'})
            )
            """);
    }

    /// <summary>
    /// Every edge rule of DESIGN §4 in SQL: each line read as text, so a truncated line is rejected alone
    /// (read_json with ignore_errors can swallow the next one), and integers told from <c>254.0</c> /
    /// <c>"254"</c> by json_type. Slower; not what a user would run.
    /// </summary>
    public static TableSummary ContentExact(DuckDBConnection connection, string contentDir)
    {
        var glob = Path.Combine(contentDir, "*.json").Replace("'", "''", StringComparison.Ordinal);
        return ProfileFrom(connection, $$"""
            lines AS (
                SELECT regexp_extract(filename, '(\d{8})\.json$', 1) AS d, line
                FROM read_csv('{{glob}}', columns = {line: 'VARCHAR'}, delim = '\x1f', quote = '', escape = '', header = false,
                              auto_detect = false, filename = true, strict_mode = false, null_padding = false)
            ), objects AS (
                SELECT d, json_extract(line, '$._source') AS s FROM lines WHERE json_valid(line) AND json_type(line) = 'OBJECT'
            ), src AS (
                SELECT d, s ->> '$.Contract' AS contract, s ->> '$.AppName' AS app,
                       CASE WHEN json_type(s, '$.TotalDuration') IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(s ->> '$.TotalDuration' AS BIGINT) END AS dur,
                       CASE WHEN json_type(s, '$.Mac') = 'VARCHAR' THEN s ->> '$.Mac' END AS mac
                FROM objects
                WHERE json_type(s) = 'OBJECT' AND json_type(s, '$.Contract') = 'VARCHAR' AND json_type(s, '$.AppName') = 'VARCHAR'
            )
            """);
    }

    /// <summary>
    /// The profile table from a <c>src(d, contract, app, dur, mac)</c> CTE (d = YYYYMMDD; dur NULL unless an
    /// integer; mac the raw string or NULL). The category mapping, MostWatch and Taste orders live here only.
    /// </summary>
    private static TableSummary ProfileFrom(DuckDBConnection connection, string sourceCte)
    {
        Execute(connection, "DROP TABLE IF EXISTS profile");
        Execute(connection, $$"""
            CREATE TABLE profile AS
            WITH {{sourceCte}}, rec AS (
                SELECT d, contract,
                       CASE app
                         WHEN 'CHANNEL' THEN 0 WHEN 'DSHD' THEN 0 WHEN 'KPLUS' THEN 0 WHEN 'KPlus' THEN 0 WHEN 'APP' THEN 0
                         WHEN 'VOD' THEN 1 WHEN 'FIMS_RES' THEN 1 WHEN 'BHD_RES' THEN 1 WHEN 'VOD_RES' THEN 1 WHEN 'FIMS' THEN 1 WHEN 'BHD' THEN 1 WHEN 'DANET' THEN 1
                         WHEN 'RELAX' THEN 2 WHEN 'CHILD' THEN 3 WHEN 'SPORT' THEN 4 END AS cat,
                       dur,
                       CASE WHEN mac IS NOT NULL THEN upper(regexp_replace(trim(mac), '[:\-,. ]', '', 'g')) ELSE '' END AS mac
                FROM src
                WHERE contract IS NOT NULL AND app IS NOT NULL
            ), valid AS (
                SELECT * FROM rec WHERE contract <> '' AND contract <> '0' AND cat IS NOT NULL AND dur > 0
            ), agg AS (
                SELECT CAST(substr(d, 1, 6) AS INTEGER) AS month, contract,
                       COALESCE(SUM(dur) FILTER (cat = 0), 0) AS truyen_hinh,
                       COALESCE(SUM(dur) FILTER (cat = 1), 0) AS phim_truyen,
                       COALESCE(SUM(dur) FILTER (cat = 2), 0) AS giai_tri,
                       COALESCE(SUM(dur) FILTER (cat = 3), 0) AS thieu_nhi,
                       COALESCE(SUM(dur) FILTER (cat = 4), 0) AS the_thao,
                       COUNT(DISTINCT mac) FILTER (mac <> '') AS total_devices,
                       COUNT(DISTINCT d) AS active_days
                FROM valid GROUP BY ALL
            )
            SELECT *,
                   CASE WHEN active_days >= 15 THEN 'High' ELSE 'Low' END AS active_level,
                   -- Ties: the original job's when-chain order. Taste: the original's order.
                   CASE greatest(truyen_hinh, phim_truyen, giai_tri, thieu_nhi, the_thao)
                     WHEN truyen_hinh THEN 'Truyền Hình' WHEN phim_truyen THEN 'Phim Truyện' WHEN the_thao THEN 'Thể Thao'
                     WHEN thieu_nhi THEN 'Thiếu Nhi' ELSE 'Giải Trí' END AS most_watch,
                   concat_ws('-',
                     CASE WHEN giai_tri > 0 THEN 'Giải Trí' END, CASE WHEN phim_truyen > 0 THEN 'Phim Truyện' END,
                     CASE WHEN the_thao > 0 THEN 'Thể Thao' END, CASE WHEN thieu_nhi > 0 THEN 'Thiếu Nhi' END,
                     CASE WHEN truyen_hinh > 0 THEN 'Truyền Hình' END) AS taste
            FROM agg
            """);
        var figures = new Dictionary<string, long>();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT COUNT(*), {string.Join(", ", Categories.Select(c => $"SUM({c})"))}, SUM(total_devices), SUM(active_days),
                   COUNT(*) FILTER (active_level = 'High'), COUNT(*) FILTER (most_watch = 'Truyền Hình'), COUNT(*) FILTER (most_watch = 'Phim Truyện'),
                   COUNT(*) FILTER (most_watch = 'Thể Thao'), COUNT(*) FILTER (most_watch = 'Giải Trí'),
                   SUM(length(taste)), COUNT(*) FILTER (taste = 'Phim Truyện-Truyền Hình'), COUNT(*) FILTER (taste LIKE 'Giải Trí-%')
            FROM profile
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        string[] names = ["rows", .. Categories, "total_devices", "active_days", "high", "most_watch_truyen_hinh", "most_watch_phim_truyen", "most_watch_the_thao", "most_watch_giai_tri",
            "taste_length", "taste_phim_truyen_truyen_hinh", "taste_starting_giai_tri"];
        for (int i = 0; i < names.Length; i++)
        {
            figures[names[i]] = ToLong(reader.GetValue(i));
        }
        return new TableSummary(figures);
    }

    public static TableSummary Search(DuckDBConnection connection, string searchDir)
    {
        var glob = Path.Combine(searchDir, "*", "*.parquet").Replace("'", "''", StringComparison.Ordinal);
        Execute(connection, "DROP TABLE IF EXISTS top_keyword");
        Execute(connection, $$"""
            CREATE TABLE top_keyword AS
            WITH raw AS (
                -- Count raw (user, keyword) pairs first: far fewer distinct raw keywords than rows.
                SELECT CAST(substr(regexp_extract(filename, '(\d{8})/[^/]+\.parquet$', 1), 1, 6) AS INTEGER) AS month,
                       trim(user_id) AS user_id, keyword AS raw_keyword, COUNT(*) AS n
                FROM read_parquet('{{glob}}', filename = true)
                WHERE user_id IS NOT NULL AND trim(user_id) <> '' AND keyword IS NOT NULL
                GROUP BY ALL
            ), normalised AS (
                -- Each distinct raw keyword normalised once: NFC, trim, inner whitespace collapsed, lower-case.
                SELECT raw_keyword, lower(regexp_replace(trim(nfc_normalize(raw_keyword)), '\s+', ' ', 'g')) AS keyword
                FROM (SELECT DISTINCT raw_keyword FROM raw)
            ), counts AS (
                SELECT month, user_id, keyword, SUM(n) AS n
                FROM raw JOIN normalised USING (raw_keyword)
                WHERE keyword <> ''
                GROUP BY ALL
            )
            -- Ties: the smallest keyword (byte order, the same as ours for this text).
            SELECT month, user_id, arg_min(keyword, row(-n, keyword)) AS keyword, max(n) AS n
            FROM counts
            GROUP BY ALL
            """);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), SUM(n), SUM(length(keyword)), COUNT(DISTINCT keyword) FROM top_keyword";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new TableSummary(new Dictionary<string, long>
        {
            ["rows"] = ToLong(reader.GetValue(0)),
            ["search_count"] = ToLong(reader.GetValue(1)),
            ["keyword_length"] = ToLong(reader.GetValue(2)),
            ["distinct_keywords"] = ToLong(reader.GetValue(3)),
        });
    }

    /// <summary>
    /// What DuckDB would add to the two queries to leave files behind, as our run does: the profile and
    /// top-keyword tables written as CSV and Parquet into <paramref name="folder"/>.
    /// </summary>
    public static void WriteTables(DuckDBConnection connection, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var table in new[] { "profile", "top_keyword" })
        {
            var path = Path.Combine(folder, table).Replace("'", "''", StringComparison.Ordinal);
            Execute(connection, $"COPY {table} TO '{path}.csv' (HEADER); COPY {table} TO '{path}.parquet' (FORMAT parquet);");
        }
    }

    /// <summary>DuckDB sums are HUGEINT (BigInteger in .NET).</summary>
    private static long ToLong(object value) => value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
