package com.crashanalytics.domain.alert;

/**
 * Outbound port: the right to evaluate alert rules, held by one replica at a time (a PostgreSQL advisory lock), for
 * the rest of the current transaction.
 */
public interface AlertEvaluationLock {

    /** Takes the lock without waiting; false when another replica's evaluation holds it (this one then skips). */
    boolean tryAcquire();
}
