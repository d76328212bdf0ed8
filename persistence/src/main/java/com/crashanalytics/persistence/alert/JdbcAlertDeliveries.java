package com.crashanalytics.persistence.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.alert.AlertDeliveries;
import com.crashanalytics.domain.alert.AlertDelivery;
import com.crashanalytics.domain.alert.AlertListFilter;
import com.crashanalytics.domain.alert.AlertReadModel;
import com.crashanalytics.domain.alert.DeliveryStatus;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.persistence.common.KeysetSql;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The delivery queue and log in {@code alert_deliveries}: PENDING rows are the queue, the rest the log. */
public class JdbcAlertDeliveries implements AlertDeliveries {

    private static final String COLUMNS = """
            d.id, d.alert_id, d.channel, d.idempotency_key, d.status, d.attempts, d.next_attempt_at,
            d.last_attempt_at, d.last_error, d.sent_at, d.created_at""";

    private static final KeysetSql<AlertDelivery> BY_ID_SQL = new KeysetSql<>(COLUMNS, "alert_deliveries d", "",
            AlertReadModel.DELIVERIES_BY_ID, List.of("d.id"), (rs, row) -> map(rs));

    /**
     * The oldest due delivery not being claimed by another transaction (SKIP LOCKED), leased and counted in the
     * same statement.
     */
    private static final String CLAIM = SqlTemplate.sql("""
            WITH due AS (
                SELECT id FROM alert_deliveries
                WHERE status = 'PENDING' AND next_attempt_at <= :dueBy
                ORDER BY next_attempt_at, id LIMIT 1
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE alert_deliveries d SET attempts = d.attempts + 1, next_attempt_at = :leaseUntil,
                                              last_attempt_at = now()
                FROM due WHERE d.id = due.id
                RETURNING d.*)
            SELECT {columns} FROM claimed d
            """).with("columns", COLUMNS).text();

    private static final String ALERT = SqlTemplate.sql("SELECT {columns} FROM alerts a WHERE a.id = :id")
            .with("columns", JdbcAlertLog.COLUMNS).text();

    private final JdbcClient jdbc;

    public JdbcAlertDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enqueue(long alertId, String channel, UUID idempotencyKey, Instant now) {
        jdbc.sql("""
                        INSERT INTO alert_deliveries (alert_id, channel, idempotency_key, next_attempt_at, created_at)
                        VALUES (:alertId, :channel, :key, :now, :now)""")
                .param("alertId", alertId).param("channel", channel).param("key", idempotencyKey)
                .param("now", SqlValues.timestamptz(now)).update();
    }

    @Override
    public Optional<Claimed> claimDue(Instant dueBy, Instant leaseUntil) {
        return jdbc.sql(CLAIM).param("dueBy", SqlValues.timestamptz(dueBy))
                .param("leaseUntil", SqlValues.timestamptz(leaseUntil))
                .query((rs, row) -> map(rs)).optional()
                .map(delivery -> new Claimed(delivery, jdbc.sql(ALERT)
                        .param("id", delivery.alertId()).query((rs, row) -> JdbcAlertLog.map(rs)).single()));
    }

    @Override
    public void markSent(long deliveryId, Instant at) {
        jdbc.sql("""
                        UPDATE alert_deliveries SET status = 'SENT', sent_at = :at, next_attempt_at = NULL
                        WHERE id = :id""")
                .param("id", deliveryId).param("at", SqlValues.timestamptz(at)).update();
    }

    @Override
    public void scheduleRetry(long deliveryId, Instant nextAttemptAt, String error, Instant at) {
        jdbc.sql("UPDATE alert_deliveries SET next_attempt_at = :next, last_error = :error WHERE id = :id AND status = 'PENDING'")
                .param("id", deliveryId).param("next", SqlValues.timestamptz(nextAttemptAt))
                .param("error", truncated(error)).update();
    }

    @Override
    public void markFailed(long deliveryId, String error, Instant at) {
        jdbc.sql("""
                        UPDATE alert_deliveries SET status = 'FAILED', next_attempt_at = NULL, last_error = :error
                        WHERE id = :id AND status = 'PENDING'""")
                .param("id", deliveryId).param("error", truncated(error)).update();
    }

    /** A page, for {@link JdbcAlertReadModel}. */
    Page<AlertDelivery> page(ListQuery<AlertListFilter> query) {
        return BY_ID_SQL.page(jdbc, where(query.filter()), query.page());
    }

    long count(AlertListFilter filter) {
        return BY_ID_SQL.count(jdbc, where(filter));
    }

    private static SqlConditions where(AlertListFilter filter) {
        return new SqlConditions().equal("d.alert_id", "alertId", filter.alertId())
                .equal("d.status", "status", filter.status());
    }

    private static String truncated(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }

    static AlertDelivery map(ResultSet rs) throws SQLException {
        return new AlertDelivery(rs.getLong("id"), rs.getLong("alert_id"), rs.getString("channel"),
                rs.getObject("idempotency_key", UUID.class), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), SqlValues.instant(rs, "next_attempt_at"), SqlValues.instant(rs, "last_attempt_at"),
                rs.getString("last_error"), SqlValues.instant(rs, "sent_at"), SqlValues.instant(rs, "created_at"));
    }
}
