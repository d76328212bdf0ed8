package com.crashanalytics.persistence.common;

import java.util.function.Supplier;

/**
 * Where the connection of a read that may lag behind the writes comes from: the read replica when one is configured
 * and answers ({@code persistence.replica.ReadReplica}), the primary otherwise. {@link JdbcTransactions} asks for it
 * when it begins such a read; every other connection comes from the primary.
 */
public interface ReadRouting {

    /** No read replica: every connection is the primary's. */
    ReadRouting PRIMARY_ONLY = new ReadRouting() {
        @Override
        public <T> T mayLag(Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs work whose first new connection (the one its transaction begins on) may come from the read replica. */
    <T> T mayLag(Supplier<T> work);
}
