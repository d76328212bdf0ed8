package com.crashanalytics.persistence.alert;

import com.crashanalytics.domain.alert.AlertEvaluationLock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transaction-scoped PostgreSQL advisory lock: {@code pg_try_advisory_xact_lock} answers at once, and the lock is
 * released when the evaluating transaction ends, however it ends (commit, rollback, a dropped connection), so a
 * crashed replica never leaves it held.
 */
public class PostgresAlertEvaluationLock implements AlertEvaluationLock {

    /** The lock's key: any bigint the gateway uses for nothing else ("alerts" in ASCII). */
    static final long ALERT_EVALUATION_KEY = 0x616c65727473L;

    private final JdbcClient jdbc;

    public PostgresAlertEvaluationLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryAcquire() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", ALERT_EVALUATION_KEY)
                .query(Boolean.class).single();
    }
}
