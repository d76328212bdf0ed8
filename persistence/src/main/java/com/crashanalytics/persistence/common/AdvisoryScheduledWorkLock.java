package com.crashanalytics.persistence.common;

import com.crashanalytics.domain.common.ScheduledWorkLock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL transaction-level advisory locks, one per job name: {@code pg_try_advisory_xact_lock} answers at once and
 * the lock goes with the transaction (commit, rollback, or a dropped connection), so a replica that dies mid-job never
 * leaves it locked. Every replica shares the database, hence the lock.
 */
public class AdvisoryScheduledWorkLock implements ScheduledWorkLock {

    /** The first key of the two-key form, so these locks cannot collide with single-key locks used elsewhere. */
    static final int SCHEDULED_WORK = 0x5CED;

    private final JdbcClient jdbc;

    public AdvisoryScheduledWorkLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryHoldForTransaction(String job) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(:kind, hashtext(:job))")
                .param("kind", SCHEDULED_WORK)
                .param("job", job)
                .query(Boolean.class)
                .single();
    }
}
