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
}
