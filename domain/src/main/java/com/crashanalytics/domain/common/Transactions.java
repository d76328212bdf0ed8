package com.crashanalytics.domain.common;

import java.util.function.Supplier;

/**
 * Outbound port: runs a unit of work atomically. One use case is one transaction; the adapter decides how
 * (a database transaction), the domain only says where it begins and ends.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * A small write that may share its commit with other writes running at the same moment: the adapter may run
     * them in one database transaction with one commit, but this unit of work stays atomic on its own (all of it or
     * none of it) and fails alone, with its own error; it returns only once its writes are committed. Without such
     * grouping it is {@link #inTransaction}.
     */
    default <T> T inSharedCommit(Supplier<T> work) {
        return inTransaction(work);
    }

    /** A read-only unit of work: every read sees the same snapshot of the data, and nothing is written. */
    <T> T readOnly(Supplier<T> work);

    /**
     * A read-only unit of work whose reader accepts data a few seconds old (a dashboard's, never a bot reading back
     * what it just wrote): the adapter may answer it from a copy that lags behind the writes (a read replica). Still
     * one snapshot, still nothing written. Without such a copy it is {@link #readOnly}.
     */
    default <T> T readOnlyMayLag(Supplier<T> work) {
        return readOnly(work);
    }
}
