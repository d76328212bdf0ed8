package com.crashanalytics.domain.common;

/**
 * Outbound port: makes scheduled work (a sweep, a clean-up) run on one gateway replica at a time. Every replica runs
 * the schedule; the one that holds the job's lock does the work, the others skip this turn.
 */
public interface ScheduledWorkLock {

    /**
     * Takes the job's lock for the rest of the current transaction if no other transaction holds it; says whether it
     * did. Never waits. Must be called inside a transaction ({@link Transactions#inTransaction}).
     */
    boolean tryHoldForTransaction(String job);
}
