using System.Globalization;
using DuckDB.NET.Data;

namespace Customer360.Bench;

/// <summary>
/// The peer: DuckDB computing the same tables from the same files in SQL (DESIGN §4 as far as SQL goes:
/// malformed lines are skipped by ignore_errors, the same as our malformed rejections; integers are told
/// from 254.0 / "254" by json_type; MAC normalised with a regex; ties in MostWatch broken by category order;
/// search ties by the smallest keyword, which for this text is the same order as ours).
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
    /// The same aggregation with DuckDB's own NDJSON reader. Faster, but not the same semantics: with
    /// ignore_errors a truncated line swallows the line after it, so its totals come out lower. Timed for
    /// reference only, never compared.
    /// </summary>
    public static TableSummary ContentReadJson(DuckDBConnection connection, string contentDir)
    {
        var glob = Path.Combine(contentDir, "*.json").Replace("'", "''", StringComparison.Ordinal);
        return ProfileFrom(connection, $$"""
            src AS (
                SELECT regexp_extract(filename, '(\d{8})\.json$', 1) AS d, _source AS s
                FROM read_json('{{glob}}', format = 'newline_delimited', columns = {_source: 'JSON'}, filename = true, ignore_errors = true)
            )
            """);
    }

    public static TableSummary Content(DuckDBConnection connection, string contentDir)
    {
        var glob = Path.Combine(contentDir, "*.json").Replace("'", "''", StringComparison.Ordinal);
        return ProfileFrom(connection, $$"""
            lines AS (
                -- Line by line as text, like our reader: a truncated line must not swallow the next one
                -- (read_json with ignore_errors does), and a malformed line is just rejected.
                SELECT regexp_extract(filename, '(\d{8})\.json$', 1) AS d, line
                FROM read_csv('{{glob}}', columns = {line: 'VARCHAR'}, delim = '\x1f', quote = '', escape = '', header = false,
                              auto_detect = false, filename = true, strict_mode = false, null_padding = false)
            ), src AS (
                SELECT d, json_extract(line, '$._source') AS s FROM lines WHERE json_valid(line) AND json_type(line) = 'OBJECT'
            )
            """);
    }

    /// <summary>The profile table from a <c>src(d, s)</c> CTE (d = YYYYMMDD, s = the _source JSON).</summary>
    private static TableSummary ProfileFrom(DuckDBConnection connection, string sourceCte)
    {
        Execute(connection, "DROP TABLE IF EXISTS profile");
        Execute(connection, $$"""
            CREATE TABLE profile AS
            WITH {{sourceCte}}, rec AS (
                SELECT d,
                       s ->> '$.Contract' AS contract,
                       CASE s ->> '$.AppName'
                         WHEN 'CHANNEL' THEN 0 WHEN 'DSHD' THEN 0 WHEN 'KPLUS' THEN 0 WHEN 'KPlus' THEN 0 WHEN 'APP' THEN 0
                         WHEN 'VOD' THEN 1 WHEN 'FIMS_RES' THEN 1 WHEN 'BHD_RES' THEN 1 WHEN 'VOD_RES' THEN 1 WHEN 'FIMS' THEN 1 WHEN 'BHD' THEN 1 WHEN 'DANET' THEN 1
                         WHEN 'RELAX' THEN 2 WHEN 'CHILD' THEN 3 WHEN 'SPORT' THEN 4 END AS cat,
                       CASE WHEN json_type(s, '$.TotalDuration') IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(s ->> '$.TotalDuration' AS BIGINT) END AS dur,
                       CASE WHEN json_type(s, '$.Mac') = 'VARCHAR' THEN upper(regexp_replace(trim(s ->> '$.Mac'), '[:\-,. ]', '', 'g')) ELSE '' END AS mac
                FROM src
                WHERE json_type(s) = 'OBJECT' AND json_type(s, '$.Contract') = 'VARCHAR' AND json_type(s, '$.AppName') = 'VARCHAR'
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
            WITH src AS (
                SELECT CAST(substr(regexp_extract(filename, '(\d{8})/[^/]+\.parquet$', 1), 1, 6) AS INTEGER) AS month,
                       trim(user_id) AS user_id,
                       lower(regexp_replace(trim(nfc_normalize(keyword)), '\s+', ' ', 'g')) AS keyword
                FROM read_parquet('{{glob}}', filename = true)
            ), counts AS (
                SELECT month, user_id, keyword, COUNT(*) AS n FROM src
                WHERE user_id IS NOT NULL AND user_id <> '' AND keyword IS NOT NULL AND keyword <> ''
                GROUP BY ALL
            )
            SELECT month, user_id, keyword, n
            FROM (SELECT *, row_number() OVER (PARTITION BY month, user_id ORDER BY n DESC, keyword ASC) AS rank FROM counts)
            WHERE rank = 1
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

    /// <summary>DuckDB sums are HUGEINT (BigInteger in .NET).</summary>
    private static long ToLong(object value) => value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
