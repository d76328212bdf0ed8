package com.crashanalytics.domain.common;

import java.util.function.Supplier;

/**
 * Outbound port: runs a unit of work atomically. One use case is one transaction; the adapter decides how
 * (a database transaction), the domain only says where it begins and ends.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

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
