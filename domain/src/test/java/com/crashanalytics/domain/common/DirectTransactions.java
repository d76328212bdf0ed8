package com.crashanalytics.domain.common;

import java.util.function.Supplier;

/**
 * {@link Transactions} that run the work directly and count it. It does NOT roll back on failure, on purpose: a
 * use-case test that asserts "nothing written" after a refusal then proves the use case decided before it wrote,
 * rather than leaning on a rollback that the fakes would have to imitate.
 */
public final class DirectTransactions implements Transactions {

    private int opened;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        opened++;
        return work.get();
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        opened++;
        return work.get();
    }

    /** How many units of work were run: one use-case call is one. */
    public int opened() {
        return opened;
    }
}
