package com.crashanalytics.persistence.access;

import static com.crashanalytics.persistence.common.SqlValues.instant;
import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.access.ApiKeyAuthenticationService;
import com.crashanalytics.domain.access.ApiKeyHash;
import com.crashanalytics.domain.access.ApiKeyRegistry;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys in {@code api_clients}: found by the unique index on {@code key_hash}, never stored in clear. */
public class JdbcApiKeyRegistry implements ApiKeyRegistry {

    private static final String COLUMNS = "id, label, role, key_prefix, bot_ids, created_at, last_used_at, revoked_at";
    /** Every request's look-up, so its text is built once. */
    private static final String FIND_BY_HASH =
            SqlTemplate.sql("SELECT {columns}, key_hash FROM api_clients WHERE key_hash = :hash")
                    .with("columns", COLUMNS).text();
    /** Any constant works; it names the lock of key management among PostgreSQL's advisory locks. */
    private static final long KEY_MANAGEMENT_LOCK = 0x6361675f6b657973L; // "cag_keys"

    private final JdbcClient jdbc;
    private final Authorship authorship;

    public JdbcApiKeyRegistry(JdbcClient jdbc, Authorship authorship) {
        this.jdbc = jdbc;
        this.authorship = authorship;
    }

    @Override
    public void add(ApiKey key, ApiKeyHash hash) {
        jdbc.sql("""
                        INSERT INTO api_clients (id, label, role, key_prefix, key_hash, bot_ids, created_at,
                                                 written_by_key_id)
                        VALUES (:id, :label, :role, :prefix, :hash, :botIds, :createdAt, CAST(:writtenBy AS uuid))
                        """)
                .param("writtenBy", authorship.currentKeyId().orElse(null))
                .param("id", key.id())
                .param("label", key.label())
                .param("role", key.role().name())
                .param("prefix", key.prefix())
                .param("hash", hash.bytes())
                .param("botIds", key.botIds().toArray(String[]::new))
                .param("createdAt", timestamptz(key.createdAt()))
                .update();
    }

    @Override
    public Optional<StoredApiKey> findByHash(ApiKeyHash hash) {
        return jdbc.sql(FIND_BY_HASH)
                .param("hash", hash.bytes())
                .query((rs, row) -> new StoredApiKey(mapKey(rs, row), ApiKeyHash.fromBytes(rs.getBytes("key_hash"))))
                .optional();
    }

    @Override
    public Optional<ApiKey> findForUpdate(UUID id) {
        return jdbc.sql(SqlTemplate.sql("SELECT {columns} FROM api_clients WHERE id = :id FOR UPDATE")
                        .with("columns", COLUMNS).text())
                .param("id", id)
                .query(JdbcApiKeyRegistry::mapKey)
                .optional();
    }

    @Override
    public ApiKey revoke(UUID id, Instant at) {
        return jdbc.sql(SqlTemplate.sql("""
                        UPDATE api_clients SET revoked_at = coalesce(revoked_at, :at),
                        written_by_key_id = CAST(:writtenBy AS uuid) WHERE id = :id RETURNING {columns}""")
                        .with("columns", COLUMNS).text())
                .param("id", id)
                .param("writtenBy", authorship.currentKeyId().orElse(null))
                .param("at", timestamptz(at))
                .query(JdbcApiKeyRegistry::mapKey)
                .single();
    }

    @Override
    public void recordUse(UUID id, Instant at) {
        jdbc.sql("""
                        UPDATE api_clients SET last_used_at = :at
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at - make_interval(secs => :seconds))
                        """)
                .param("id", id)
                .param("at", timestamptz(at))
                .param("seconds", ApiKeyAuthenticationService.USE_RECORDING_INTERVAL.toSeconds())
                .update();
    }

    @Override
    public int countActiveAdmins() {
        return jdbc.sql("SELECT count(*) FROM api_clients WHERE role = 'ADMIN' AND revoked_at IS NULL")
                .query(Integer.class)
                .single();
    }

    @Override
    public List<ApiKey> list(boolean includeRevoked) {
        return jdbc.sql(SqlTemplate.sql("SELECT {columns} FROM api_clients {which} ORDER BY created_at DESC, id")
                        .with("columns", COLUMNS).with("which", includeRevoked ? "" : "WHERE revoked_at IS NULL").text())
                .query(JdbcApiKeyRegistry::mapKey)
                .list();
    }

    @Override
    public void lockKeyManagement() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", KEY_MANAGEMENT_LOCK).query((rs, row) -> 1).single();
    }

    private static ApiKey mapKey(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getString("label"),
                ApiKeyRole.valueOf(rs.getString("role")),
                rs.getString("key_prefix"),
                botIds(rs.getArray("bot_ids")),
                instant(rs, "created_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static List<String> botIds(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
