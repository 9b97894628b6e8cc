using MySqlConnector;

namespace Customer360.Domain.Warehouse;

/// <summary>
/// The warehouse schema, owned and migrated by the tool: numbered migrations applied once each, in order,
/// recorded in <c>schema_version</c>. Key text columns use <c>utf8mb4_bin</c>, which is accent-sensitive
/// (<c>utf8mb4_unicode_ci</c> would make <c>phim truyen</c> and <c>phim truyện</c> one key).
/// </summary>
public static class MySqlSchema
{
    private const string Table = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
    private const string Key = "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";

    public static IReadOnlyList<(int Version, string Description, string[] Statements)> Migrations { get; } =
    [
        (1, "tables", [
            $"""
            CREATE TABLE content_profile (
              month INT NOT NULL, contract VARCHAR(255) {Key} NOT NULL,
              truyen_hinh BIGINT NOT NULL, phim_truyen BIGINT NOT NULL, giai_tri BIGINT NOT NULL, thieu_nhi BIGINT NOT NULL, the_thao BIGINT NOT NULL,
              total_devices INT NOT NULL, active_days INT NOT NULL, active_level VARCHAR(8) NOT NULL,
              most_watch VARCHAR(32) NOT NULL, taste VARCHAR(128) NOT NULL,
              PRIMARY KEY (month, contract), KEY ix_content_profile_contract (contract)) {Table}
            """,
            $"""
            CREATE TABLE search_top_keyword (
              month INT NOT NULL, user_id VARCHAR(255) {Key} NOT NULL, most_search VARCHAR(512) {Key} NOT NULL,
              search_count BIGINT NOT NULL, category VARCHAR(32) NOT NULL, category_source VARCHAR(16) NOT NULL,
              PRIMARY KEY (month, user_id), KEY ix_search_top_keyword_user (user_id)) {Table}
            """,
            $"""
            CREATE TABLE search_trend (
              month_from INT NOT NULL, month_to INT NOT NULL, user_id VARCHAR(255) {Key} NOT NULL,
              most_search_from VARCHAR(512) {Key} NOT NULL, category_from VARCHAR(32) NOT NULL,
              most_search_to VARCHAR(512) {Key} NOT NULL, category_to VARCHAR(32) NOT NULL,
              trending_type VARCHAR(16) NOT NULL, previous VARCHAR(80) NOT NULL,
              PRIMARY KEY (month_from, month_to, user_id), KEY ix_search_trend_user (user_id)) {Table}
            """,
            $"""
            CREATE TABLE keyword_category (
              keyword VARCHAR(512) {Key} NOT NULL PRIMARY KEY, category VARCHAR(32) NOT NULL, source VARCHAR(16) NOT NULL,
              model VARCHAR(128) NOT NULL, classified_at DATETIME(3) NOT NULL) {Table}
            """,
            $"""
            CREATE TABLE pipeline_run (
              run_id VARCHAR(128) NOT NULL PRIMARY KEY, started_at DATETIME(3) NOT NULL, finished_at DATETIME(3) NULL,
              status VARCHAR(40) NOT NULL, inputs LONGTEXT NOT NULL, counts LONGTEXT NOT NULL) {Table}
            """,
            $"""
            CREATE TABLE customer_identity (
              contract VARCHAR(255) {Key} NOT NULL, user_id VARCHAR(255) {Key} NOT NULL,
              PRIMARY KEY (contract, user_id), KEY ix_customer_identity_user (user_id)) {Table}
            """,
        ]),
        (2, "BI views", [
            """
            CREATE OR REPLACE VIEW v_activity_by_month AS
            SELECT month, active_level, COUNT(*) AS contracts,
                   ROUND(100 * COUNT(*) / SUM(COUNT(*)) OVER (PARTITION BY month), 2) AS share_pct
            FROM content_profile GROUP BY month, active_level
            """,
            """
            CREATE OR REPLACE VIEW v_watch_time_by_category AS
            SELECT month, 'Truyền Hình' AS category, SUM(truyen_hinh) / 3600 AS hours FROM content_profile GROUP BY month
            UNION ALL SELECT month, 'Phim Truyện', SUM(phim_truyen) / 3600 FROM content_profile GROUP BY month
            UNION ALL SELECT month, 'Giải Trí', SUM(giai_tri) / 3600 FROM content_profile GROUP BY month
            UNION ALL SELECT month, 'Thiếu Nhi', SUM(thieu_nhi) / 3600 FROM content_profile GROUP BY month
            UNION ALL SELECT month, 'Thể Thao', SUM(the_thao) / 3600 FROM content_profile GROUP BY month
            """,
            """
            CREATE OR REPLACE VIEW v_genre_transitions AS
            SELECT month_from, month_to, previous AS transition, COUNT(*) AS users
            FROM search_trend WHERE trending_type = 'Changed' GROUP BY month_from, month_to, previous
            """,
        ]),
        (3, "customer_360 view", [
            // A contract's user is its identity-map user, else the contract itself; a user's contract likewise.
            // Customers seen in only one stream still appear (UNION of both directions, then LEFT JOINs).
            """
            CREATE OR REPLACE VIEW customer_360 AS
            SELECT k.contract, k.user_id,
                   p.month AS content_month, p.truyen_hinh, p.phim_truyen, p.giai_tri, p.thieu_nhi, p.the_thao,
                   p.total_devices, p.active_days, p.active_level, p.most_watch, p.taste,
                   t.month AS search_month, t.most_search, t.category, t.category_source,
                   r.month_from AS trend_month_from, r.month_to AS trend_month_to, r.category_from, r.category_to, r.trending_type, r.previous
            FROM (
                SELECT c.contract, COALESCE(i.user_id, c.contract) AS user_id
                FROM (SELECT DISTINCT contract FROM content_profile) c LEFT JOIN customer_identity i ON i.contract = c.contract
                UNION
                SELECT COALESCE(i.contract, u.user_id), u.user_id
                FROM (SELECT DISTINCT user_id FROM search_top_keyword) u LEFT JOIN customer_identity i ON i.user_id = u.user_id
            ) k
            LEFT JOIN content_profile p ON p.contract = k.contract
                AND p.month = (SELECT MAX(p2.month) FROM content_profile p2 WHERE p2.contract = k.contract)
            LEFT JOIN search_top_keyword t ON t.user_id = k.user_id
                AND t.month = (SELECT MAX(t2.month) FROM search_top_keyword t2 WHERE t2.user_id = k.user_id)
            LEFT JOIN search_trend r ON r.user_id = k.user_id
                AND r.month_to = (SELECT MAX(r2.month_to) FROM search_trend r2 WHERE r2.user_id = k.user_id)
            """,
        ]),
        (4, "keyword_category.instructions_version", [
            // The classifier instructions' hash (or the rules' version) that decided each cached keyword; '' for older rows.
            "ALTER TABLE keyword_category ADD COLUMN instructions_version VARCHAR(64) NOT NULL DEFAULT ''",
        ]),
        (5, "pipeline_run failure columns", [
            // Failed runs are recorded too: the stage that failed and the reason; both NULL for a run that succeeded.
            "ALTER TABLE pipeline_run ADD COLUMN failed_stage VARCHAR(64) NULL, ADD COLUMN failure_reason TEXT NULL",
        ]),
    ];

    /// <summary>Applies every migration not yet applied. Idempotent; serialised across processes by a named lock.</summary>
    public static async Task MigrateAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var lockHandle = await MySqlNamedLock.AcquireAsync(connection, "c360:schema", TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at DATETIME(3) NOT NULL) {Table}", cancellationToken).ConfigureAwait(false);
        var applied = new HashSet<int>();
        await using (var command = new MySqlCommand("SELECT version FROM schema_version", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }
        foreach (var (version, description, statements) in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            // DDL commits implicitly in MySQL, so each statement is written to be safe to re-run if a migration dies midway.
            foreach (var statement in statements)
            {
                await ExecuteAsync(connection, statement.Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            }
            await using var record = new MySqlCommand("INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, UTC_TIMESTAMP(3))", connection);
            record.Parameters.AddWithValue("@v", version);
            record.Parameters.AddWithValue("@d", description);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken, MySqlTransaction? transaction = null, int timeoutSeconds = 0)
    {
        await using var command = new MySqlCommand(sql, connection, transaction) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
