package com.crashanalytics.persistence.audit;

import static com.crashanalytics.persistence.common.SqlValues.instant;
import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.access.EnvironmentAdminKey;
import com.crashanalytics.domain.audit.AuditAction;
import com.crashanalytics.domain.audit.AuditFilter;
import com.crashanalytics.domain.audit.AuditTrail;
import com.crashanalytics.domain.audit.AuditTrailReadModel;
import com.crashanalytics.domain.audit.AuditedChange;
import com.crashanalytics.domain.audit.AuditedEntity;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.KeysetSql;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail in {@code audit_changes}, append-only. Reads name the author by the key's label as
 * {@code api_clients} knows it now (the environment's admin key, which has no row, by its variable's name).
 */
public class JdbcAuditTrail implements AuditTrail, AuditTrailReadModel {

    private static final String COLUMNS = SqlTemplate.sql("""
            c.id, c.entity, c.entity_id, c.action, c.changed_by_key_id, c.changed_at, c.before::text AS before,
            c.after::text AS after,
            CASE WHEN c.changed_by_key_id = CAST('{adminKeyId}' AS uuid) THEN 'GATEWAY_ADMIN_KEY' ELSE k.label END AS key_label
            """).with("adminKeyId", EnvironmentAdminKey.ID.toString()).text();

    private static final KeysetSql<AuditedChange> BY_ID_SQL = new KeysetSql<>(COLUMNS, "audit_changes c",
            "LEFT JOIN api_clients k ON k.id = c.changed_by_key_id", BY_ID, List.of("c.id"), (rs, row) -> map(rs));

    private final JdbcClient jdbc;

    public JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditedChange change) {
        jdbc.sql("""
                        INSERT INTO audit_changes (entity, entity_id, action, changed_by_key_id, changed_at, before, after)
                        VALUES (:entity, :entityId, :action, CAST(:keyId AS uuid), :changedAt, CAST(:before AS jsonb),
                                CAST(:after AS jsonb))
                        """)
                .param("entity", change.entity().name())
                .param("entityId", change.entityId())
                .param("action", change.action().name())
                .param("keyId", change.keyId())
                .param("changedAt", timestamptz(change.changedAt()))
                .param("before", JsonColumns.text(change.before()))
                .param("after", JsonColumns.text(change.after()))
                .update();
    }

    @Override
    public Page<AuditedChange> page(ListQuery<AuditFilter> query) {
        return BY_ID_SQL.page(jdbc, where(query.filter()), query.page());
    }

    @Override
    public long count(AuditFilter filter) {
        return BY_ID_SQL.count(jdbc, where(filter));
    }

    private static SqlConditions where(AuditFilter filter) {
        return new SqlConditions()
                .equal("c.entity", "entity", filter.entity())
                .equal("c.entity_id", "entityId", filter.entityId())
                .equal("c.changed_by_key_id", "keyId", filter.key())
                .notBefore("c.changed_at", "from", filter.from())
                .before("c.changed_at", "to", filter.to());
    }

    private static AuditedChange map(ResultSet rs) throws SQLException {
        return new AuditedChange(rs.getLong("id"), AuditedEntity.valueOf(rs.getString("entity")),
                rs.getString("entity_id"), AuditAction.valueOf(rs.getString("action")),
                rs.getObject("changed_by_key_id", UUID.class), rs.getString("key_label"), instant(rs, "changed_at"),
                JsonColumns.document(rs, "before"), JsonColumns.document(rs, "after"));
    }
}
